#ifndef LOTR_CNCURSESW_SHIM_H
#define LOTR_CNCURSESW_SHIM_H
// Wide-character curses must be requested before the header is read,
// or wget_wch, mvwaddnwstr and cchar_t are missing.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

extern int wcwidth(wchar_t);

// Accessors for globals and macros that Swift cannot import (or that Swift 6 rejects as
// unsafe shared state). Every curses call stays on the main thread.
static inline WINDOW *lotr_stdscr(void) { return stdscr; }
static inline int lotr_lines(void) { return LINES; }
static inline int lotr_cols(void) { return COLS; }
static inline int lotr_max_y(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int lotr_max_x(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline attr_t lotr_a_bold(void) { return A_BOLD; }
static inline attr_t lotr_a_reverse(void) { return A_REVERSE; }
static inline attr_t lotr_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lotr_a_dim(void) { return A_DIM; }
static inline attr_t lotr_a_normal(void) { return A_NORMAL; }
static inline attr_t lotr_color_pair(int n) { return COLOR_PAIR(n); }
static inline int lotr_key_f(int n) { return KEY_F(n); }
static inline FILE *lotr_stdin(void) { return stdin; }
static inline FILE *lotr_stdout(void) { return stdout; }

// Key codes, so the adapter's tests can check the pure decoder's table against this header.
static inline int lotr_key_code(int which) {
    switch (which) {
    case 0: return KEY_CODE_YES;
    case 1: return KEY_DOWN;
    case 2: return KEY_UP;
    case 3: return KEY_LEFT;
    case 4: return KEY_RIGHT;
    case 5: return KEY_HOME;
    case 6: return KEY_BACKSPACE;
    case 7: return KEY_F0;
    case 8: return KEY_DC;
    case 9: return KEY_IC;
    case 10: return KEY_NPAGE;
    case 11: return KEY_PPAGE;
    case 12: return KEY_ENTER;
    case 13: return KEY_BTAB;
    case 14: return KEY_END;
    case 15: return KEY_FIND;
    case 16: return KEY_SELECT;
    case 17: return KEY_RESIZE;
    default: return -1;
    }
}

// --- Signals -----------------------------------------------------------------------------
// Kept in C because a handler may only touch `volatile sig_atomic_t` and call
// async-signal-safe functions; Swift offers neither guarantee. Only the terminal adapter
// (a single Swift file) includes this header's functions, so these statics exist once.

static volatile sig_atomic_t lotr_sig_terminate = 0;
static volatile sig_atomic_t lotr_sig_interrupt = 0;
static volatile sig_atomic_t lotr_curses_active = 0;
static int lotr_handlers_installed = 0;
static int lotr_atexit_registered = 0;
// The terminal's output, while bracketed paste is on: a crash or exit turns it off again.
static int lotr_paste_fd_for_exit = -1;

enum { LOTR_STOP_SIGNALS = 4, LOTR_CRASH_SIGNALS = 6 };
static const int lotr_stop_signals[LOTR_STOP_SIGNALS] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
static const int lotr_crash_signals[LOTR_CRASH_SIGNALS] = { SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP };
// Explicitly initialised: Swift's importer does not emit tentative definitions.
static struct sigaction lotr_saved_stop[LOTR_STOP_SIGNALS] = { { { 0 } } };
static struct sigaction lotr_saved_crash[LOTR_CRASH_SIGNALS] = { { { 0 } } };
static char lotr_alt_stack[64 * 1024] = { 0 };

// The terminating signal's number is kept, so that the program can exit with 128 + it.
static void lotr_on_stop_signal(int sig) {
    if (sig == SIGINT) lotr_sig_interrupt = 1; else lotr_sig_terminate = sig;
}

// Restores the terminal, then dies of the same signal with the default action (core dump or
// termination as usual). endwin is not formally async-signal-safe, but the process is already
// lost and a terminal left without echo is worse; this is what curses programs customarily do.
static void lotr_on_crash_signal(int sig) {
    if (lotr_curses_active) {
        lotr_curses_active = 0;
        if (lotr_paste_fd_for_exit >= 0) { const char *off = "\033[?2004l"; (void)!write(lotr_paste_fd_for_exit, off, strlen(off)); }
        endwin();
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void lotr_atexit_restore(void) {
    if (lotr_curses_active) {
        lotr_curses_active = 0;
        if (lotr_paste_fd_for_exit >= 0) { const char *off = "\033[?2004l"; (void)!write(lotr_paste_fd_for_exit, off, strlen(off)); }
        endwin();
    }
}

static inline void lotr_set_curses_active(int on) { lotr_curses_active = on ? 1 : 0; }

static inline int lotr_take_terminate(void) {
    int v = lotr_sig_terminate; lotr_sig_terminate = 0; return v;
}

static inline int lotr_take_interrupt(void) {
    int v = lotr_sig_interrupt; lotr_sig_interrupt = 0; return v;
}

static inline int lotr_pending_terminate(void) { return lotr_sig_terminate; }

// Installs the handlers (without SA_RESTART, so a blocking read returns early and the flag is
// seen at once). Must run before newterm: ncurses only installs its own SIGINT/SIGTERM
// handlers where it finds the default ones.
static inline void lotr_install_signal_handlers(void) {
    if (lotr_handlers_installed) return;
    lotr_handlers_installed = 1;
    lotr_sig_terminate = 0;
    lotr_sig_interrupt = 0;

    // A launcher may hand down a mask that blocks these (Foundation's Process does): then
    // SIGTERM would be ignored and resizes missed. Unblock what the program relies on.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigaddset(&wanted, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    if (!lotr_atexit_registered) { lotr_atexit_registered = 1; atexit(lotr_atexit_restore); }

    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t ss;
        memset(&ss, 0, sizeof ss);
        ss.ss_sp = lotr_alt_stack;
        ss.ss_size = sizeof lotr_alt_stack;
        sigaltstack(&ss, NULL);
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = lotr_on_stop_signal;
    sa.sa_flags = 0;
    for (int i = 0; i < LOTR_STOP_SIGNALS; i++) sigaction(lotr_stop_signals[i], &sa, &lotr_saved_stop[i]);

    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = lotr_on_crash_signal;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
    for (int i = 0; i < LOTR_CRASH_SIGNALS; i++) sigaction(lotr_crash_signals[i], &sa, &lotr_saved_crash[i]);
}

static inline void lotr_restore_signal_handlers(void) {
    if (!lotr_handlers_installed) return;
    lotr_handlers_installed = 0;
    for (int i = 0; i < LOTR_STOP_SIGNALS; i++) sigaction(lotr_stop_signals[i], &lotr_saved_stop[i], NULL);
    for (int i = 0; i < LOTR_CRASH_SIGNALS; i++) sigaction(lotr_crash_signals[i], &lotr_saved_crash[i], NULL);
}

// --- Bracketed paste -------------------------------------------------------------------
// With bracketed paste on, the terminal wraps pasted text in ESC[200~ … ESC[201~, so a paste is
// never mistaken for typed keys (an Enter inside it would confirm an answer). It is turned off
// whenever the terminal is handed back: on exit, and while the program is suspended.

static int lotr_paste_fd = -1;
static struct sigaction lotr_saved_tstp = { { 0 } };
static int lotr_tstp_wrapped = 0;

static inline void lotr_write_all(int fd, const char *s) {
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0) return;
        s += w; n -= (size_t)w;
    }
}

static void lotr_on_tstp(int sig) {
    if (lotr_paste_fd >= 0) lotr_write_all(lotr_paste_fd, "\033[?2004l");
    // curses' own handler puts the terminal back, stops the process and redraws on return.
    if (lotr_saved_tstp.sa_handler != SIG_DFL && lotr_saved_tstp.sa_handler != SIG_IGN && lotr_saved_tstp.sa_handler != NULL) {
        lotr_saved_tstp.sa_handler(sig);
    } else {
        signal(SIGTSTP, SIG_DFL);
        raise(SIGTSTP);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = lotr_on_tstp;
        sigaction(SIGTSTP, &sa, NULL);
    }
    if (lotr_paste_fd >= 0) lotr_write_all(lotr_paste_fd, "\033[?2004h");
}

/// Turns bracketed paste on and makes a suspend (SIGTSTP) turn it off until the program resumes.
static inline void lotr_bracketed_paste_on(int fd) {
    lotr_paste_fd = fd;
    lotr_paste_fd_for_exit = fd;
    lotr_write_all(fd, "\033[?2004h");
    struct sigaction current;
    if (!lotr_tstp_wrapped && sigaction(SIGTSTP, NULL, &current) == 0 && current.sa_handler != SIG_IGN) {
        lotr_saved_tstp = current;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sigemptyset(&sa.sa_mask);
        sa.sa_handler = lotr_on_tstp;
        sa.sa_flags = SA_RESTART;
        sigaction(SIGTSTP, &sa, NULL);
        lotr_tstp_wrapped = 1;
    }
}

static inline void lotr_bracketed_paste_off(void) {
    if (lotr_paste_fd >= 0) lotr_write_all(lotr_paste_fd, "\033[?2004l");
    lotr_paste_fd = -1;
    lotr_paste_fd_for_exit = -1;
    if (lotr_tstp_wrapped) { sigaction(SIGTSTP, &lotr_saved_tstp, NULL); lotr_tstp_wrapped = 0; }
}

// --- Cells -------------------------------------------------------------------------------

// Fills a cchar_t from a null-terminated wide string (a spacing character plus up to four
// combining ones). Returns ERR when curses rejects the combination.
static inline int lotr_set_cell(cchar_t *cell, const wchar_t *wch, attr_t attrs, short pair) {
    return setcchar(cell, wch, attrs, pair, NULL);
}

static inline int lotr_cell_attrs(WINDOW *w, int y, int x, attr_t *attrs, short *pair) {
    cchar_t cell;
    wchar_t wch[CCHARW_MAX + 1];
    if (wmove(w, y, x) == ERR || win_wch(w, &cell) == ERR) return ERR;
    return getcchar(&cell, wch, attrs, pair, NULL);
}

static inline int lotr_wchar_max(void) { return CCHARW_MAX; }

// A full-screen program needs to move the cursor; "dumb" and hard-copy terminals cannot.
static inline int lotr_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
// --- Process ------------------------------------------------------------------------------
// prctl is variadic, which Swift cannot call. Makes the process not dumpable: no core file, and
// other processes of the same user cannot attach to it or read its memory through /proc.
static inline int lotr_set_not_dumpable(void) {
#ifdef __linux__
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#else
    return 0;
#endif
}

static inline int lotr_is_dumpable(void) {
#ifdef __linux__
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
#else
    return 0;
#endif
}

#endif
