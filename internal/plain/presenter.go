package plain

import "github.com/auvenir/auvenir-onboard/internal/guide"

// Presenter mode in plain text: the screen is shared on a call, so personal data is written
// masked, as the TUI's presenter mode shows it, and is not echoed while it is typed.

// shownNumber is a mobile number as it may be written: masked in presenter mode.
func (s *session) shownNumber(n string) string { return guide.ShownNumber(n, s.cfg.Presenter) }

// hidesTyping reports whether f's answers are read with the echo off. The person is told once
// before the first question: typing that shows nothing would otherwise look like a frozen program.
func (s *session) hidesTyping(f Field) bool {
	return f.Private && s.cfg.Presenter && s.cfg.HideTyping != nil
}

// readAnswer reads one answer to f's question. Personal data is read with the terminal's echo
// off in presenter mode, turned back on however the read ends (a line, the end of input, an
// interrupt, a panic). The Enter that ends the line was not echoed either: a newline stands in
// for it, so the next line does not start after the prompt.
func (s *session) readAnswer(f Field) (string, bool) {
	if !s.hidesTyping(f) {
		return s.readLines(f)
	}
	restore := s.cfg.HideTyping()
	defer func() {
		if restore != nil {
			restore()
		}
		s.out.line("")
	}()
	return s.readLines(f)
}

// readLines reads one line, or for a field of several lines (Field.Lines) every line up to an
// empty one, joined. It reports false when the input ended before the first line.
func (s *session) readLines(f Field) (string, bool) {
	first, ok := s.in.read()
	if !ok || !f.Lines || first == "" {
		return first, ok
	}
	more, _ := s.readUntilEmpty()
	if more == "" {
		return first, true
	}
	return first + "\n" + more, true
}
