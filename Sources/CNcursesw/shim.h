#ifndef LOTR_CNCURSESW_SHIM_H
#define LOTR_CNCURSESW_SHIM_H
// Wide-character curses must be requested before the header is read,
// or wget_wch, mvwaddnwstr and cchar_t are missing.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

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
#endif
