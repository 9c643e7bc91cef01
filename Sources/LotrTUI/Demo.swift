/// A self-contained screen to check a terminal by eye: frames, English and Chinese text wrapping
/// inside a box, every style role, key decoding, resizes and idle ticks. Quits on `q`, Esc or Ctrl-C.
public func runTerminalSmokeDemo() {
    do {
        _ = try runApp(initial: SmokeDemo(), options: RunOptions(tickMilliseconds: 1000),
                       update: SmokeDemo.update, view: SmokeDemo.view)
    } catch {
        print("Full-screen mode is not available (\(error)).")
    }
}

struct SmokeDemo: Equatable {
    var lastEvent = "none yet"
    var ticks = 0

    static func update(_ model: SmokeDemo, _ event: Event) -> (SmokeDemo, Command) {
        var m = model
        switch event {
        case .key(.character("q")), .key(.escape), .interrupt, .terminate:
            return (m, .quit)
        case .key(.ctrl("l")):
            m.lastEvent = "Ctrl-L (redraw)"
            return (m, .redraw)
        case .key(let key):
            m.lastEvent = "key \(key)"
        case .resize(let rows, let cols):
            m.lastEvent = "resize to \(cols)×\(rows)"
        case .tick:
            m.ticks += 1
        case .paste(let text):
            m.lastEvent = "paste of \(text.count) characters"
        }
        return (m, .none)
    }

    static let english = "This is a check of the full-screen front end. Long sentences wrap at "
        + "spaces inside the frame, and nothing is cut in half when the window is resized."
    static let chinese = "这是全屏界面的显示测试：中文字符占两个单元格，换行时不会把一个字拆成两半。"
        + "如果这一段对齐整齐，说明宽字符显示正常。"

    static func view(_ model: SmokeDemo, _ size: Size) -> Screen {
        var s = Screen(size: size)
        let frame = Rect(size)
        s.box(frame, title: "lotr — terminal check")
        let inner = frame.inset(rows: 1, cols: 2)
        var row = inner.row + 1
        row += s.writeWrapped(english, in: Rect(row: row, col: inner.col, rows: 4, cols: inner.cols))
        row += 1
        row += s.writeWrapped(chinese, in: Rect(row: row, col: inner.col, rows: 4, cols: inner.cols))
        row += 1
        var col = inner.col
        for role in Role.allCases {
            col = s.write(role.description, row: row, col: col, style: Style(role)) + 1
        }
        row += 2
        s.write("Window: \(size)   ticks: \(model.ticks)", row: row, col: inner.col)
        s.writeTruncated("Last input: \(model.lastEvent)", row: row + 1, col: inner.col, width: inner.cols)
        s.separator(row: frame.bottom - 3, in: frame)
        s.write("q quit   Ctrl-L redraw   try arrows, F-keys and resizing", row: frame.bottom - 2, col: inner.col, style: .dim,
                maxWidth: inner.cols)
        return s
    }
}
