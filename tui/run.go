package tui

import (
	"errors"
	"io"
	"os"
	"runtime"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	glyphset "github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/sigexit"
	"github.com/auvenir/auvenir-onboard/internal/termguard"
	"github.com/auvenir/auvenir-onboard/internal/winconsole"
	"github.com/auvenir/auvenir-onboard/locales"
)

// ErrPanic reports that the wizard stopped on an internal error; the terminal has been restored.
var ErrPanic = errors.New("internal error")

// Run shows the wizard until the person quits, and returns the language they ended in. Bubble Tea
// leaves the alternate screen and restores the terminal's modes on every way out: quit, ctrl+c,
// a panic (caught by the guard, which prints nothing) and the signals of sigexit.Ending, which
// Run then reports as a *sigexit.Error. ctrl+z and kill -TSTP suspend it; fg redraws it.
func Run(cfg Config) (locales.Lang, error) {
	if cfg.Glyphs.Done == "" {
		cfg.Glyphs = glyphset.Unicode
	}
	glyphs = cfg.Glyphs
	opts := []tea.ProgramOption{}
	if cfg.Input != nil {
		opts = append(opts, tea.WithInput(cfg.Input))
	}
	var out io.Writer = os.Stdout
	if cfg.Output != nil {
		out = cfg.Output
	}
	opts = append(opts, tea.WithOutput(out))
	switch {
	case cfg.NoColor:
		// NO_COLOR is any non-empty value (no-color.org); colorprofile only reads booleans.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	default:
		// Decided from the real environment: the TERM added for the renderer must not change it.
		opts = append(opts, tea.WithColorProfile(colorprofile.Detect(out, cfg.Environ)))
	}
	opts = append(opts, tea.WithEnvironment(winconsole.RendererEnviron(runtime.GOOS, cfg.Environ)))
	cfg.Suspendable = sigexit.CanStop()
	final, panicked, err := termguard.Run(New(cfg), opts...)
	lang := cfg.Lang
	if m, ok := final.(Model); ok {
		lang = m.z.Lang()
	}
	var sig *sigexit.Error
	switch {
	case panicked:
		return lang, ErrPanic
	case errors.As(err, &sig):
		return lang, err
	case err == nil, errors.Is(err, tea.ErrInterrupted):
		return lang, nil
	}
	return lang, err
}
