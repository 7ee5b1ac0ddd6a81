"""Replays a terminal recording into pyte, a terminal emulator, set up as the Windows 10
console behaves: no insert mode (ESC[4h is ignored, so text overwrites). Prints the screen at
each byte offset given, as JSON: a list of screens, each a list of lines without trailing blanks.

usage: replay_noirm.py RECORDING COLUMNS ROWS OFFSET...
"""
import json
import sys

import pyte


class WindowsConsoleScreen(pyte.Screen):
    """The Windows 10 console host has no IRM (insert/replace mode, ANSI mode 4)."""

    def set_mode(self, *modes, **kwargs):
        if not kwargs.get("private"):
            modes = [m for m in modes if m != pyte.modes.IRM]
        super().set_mode(*modes, **kwargs)


def main():
    path, cols, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    offsets = [int(a) for a in sys.argv[4:]]
    data = open(path, "rb").read().decode("utf-8", errors="replace")
    # Offsets are byte offsets: cut the bytes, then decode each slice.
    raw = open(path, "rb").read()
    screen = WindowsConsoleScreen(cols, rows)
    stream = pyte.Stream(screen)
    out, done = [], 0
    for off in offsets:
        stream.feed(raw[done:off].decode("utf-8", errors="strict"))
        done = off
        out.append([line.rstrip() for line in screen.display])
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
