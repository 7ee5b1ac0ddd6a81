package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// ErrPanic reports that the wizard stopped on an internal error; the terminal has been restored.
var ErrPanic = errors.New("internal error")

// Run shows the wizard until the person quits. Bubble Tea leaves the alternate screen and restores
// the terminal's modes on every way out: quit, ctrl+c, SIGTERM and a panic.
func Run(cfg Config) error {
	opts := []tea.ProgramOption{}
	if cfg.NoColor {
		// NO_COLOR is any non-empty value (no-color.org); colorprofile only reads booleans.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, err := tea.NewProgram(New(cfg), opts...).Run()
	switch {
	case err == nil, errors.Is(err, tea.ErrInterrupted):
		return nil
	case errors.Is(err, tea.ErrProgramPanic):
		return ErrPanic
	}
	return fmt.Errorf("%w", err)
}
