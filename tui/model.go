// Package tui is the full-screen walkthrough: Bubble Tea models that show the content of package
// steps in the person's language, with the address field, the code timer and the step list.
package tui

import (
	"io"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"

	glyphset "github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/walkthrough"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Config is what the command line decided.
type Config struct {
	Lang      locales.Lang
	LangKnown bool // false: the first screen asks for the language
	Step      int  // open at this step (1 to 9); 0 opens at "before you begin"
	NoColor   bool
	Email     string           // an address already given, if any
	Now       func() time.Time // the clock; nil means time.Now
	// NetChecker and NetEndpoints are the network check of "Before you begin" (key c): nil
	// means the real network, the proxy variables and the built-in list. Tests use loopback.
	NetChecker   func() *netcheck.Checker // called when the check starts: it loads root stores
	NetEndpoints []netcheck.Endpoint
	// PanicKey, when set, makes that key crash the wizard: the end-to-end tests use it to prove
	// that a crash gives the terminal back and shows the support contacts, not a stack trace.
	PanicKey string
	// Suspendable, set by Run, says that ctrl+z can suspend the program (a shell with job
	// control is there to resume it), so the help lists the key.
	Suspendable bool

	// Presenter mode, resume, links and copy (features.go and the files it names).
	Presenter bool            // start in presenter mode, for screen sharing
	Progress  *progress.Store // where progress is saved after each step; nil saves nothing
	Resume    *progress.State // saved progress to offer on start; nil offers nothing
	// Saved is saved progress to start from without asking (--step N): the address, the
	// answers and the timer stay, and the wizard opens at Step.
	Saved    *progress.State
	Notice   string             // one line for the first screen, such as a state file ignored
	OpenURL  func(string) error // opens a link in a browser (internal/desktop); nil opens none
	CopyText func(string) error // puts text on the system clipboard (internal/desktop); nil: none
	// Glyphs are the symbols drawn (internal/glyphs), chosen by the command line for the
	// terminal; Run uses the Unicode set when it is the zero value. New leaves the set in use.
	Glyphs glyphset.Set
	// Environ is the environment the command line was given, for the colour profile and the
	// renderer's terminal type: nothing below the command line reads the process's own.
	Environ []string

	// Step 9's practice and codes (step9.go and the files it names).
	Practice bool         // --totp-practice: open on the practice enrolment of step 9
	ShowKey  *otpauth.Key // --show-qr: show this key as a QR code, and nothing else
	// Input and Output replace standard input and output: --show-qr reads its URI from a pipe on
	// standard input, so the keys come from the terminal opened separately. Nil: the standard ones.
	Input  io.Reader
	Output io.Writer
	// practiceRand, when set (by tests only), gives the practice key its bytes, so screens that
	// show the key and its QR code render the same on every run.
	practiceRand io.Reader
}

// Minimum usable size; below it the screen asks for a bigger window.
const (
	minWidth  = 60
	minHeight = 20
)

// codeValidity is how long Microsoft's emailed code works.
const codeValidity = steps.CodeValidMinutes * time.Minute

// Model is the whole wizard: the walkthrough, its frame, and the screens (screen.go).
type Model struct {
	common // holds the walk: the client's situation (internal/walkthrough)
	cfg    Config
	vp     scroller

	timer timer.Model
	stray bool // letters are being typed where no field is open: they do nothing (strayKey)
	// undoLetter takes back what the last key did when it was a letter that switched the
	// language or presenter mode: if the next key shows a word is being typed, it was a letter
	// of that word ("luc@…" switched the language with its l).
	undoLetter func(m *Model)
	stack      []screenID
	status     status            // one line above the support contacts (features.go)
	saver      walkthrough.Saver // writes the walk's state when it changed (resume.go)
	composed   int               // frames composed, for the tests of work done per key

	// The screens (screens.go): each keeps its state while closed, by its id; the network
	// check, which works in the background, in its own field.
	scr screenStates
	net netScreen

	// The frame's parts, rebuilt by refresh when what they show changes.
	headerPart, footerPart, topPart, stripPart string
	sidePart                                   []string
	frame                                      string
	blockKey                                   blockKey
	blockText                                  string
}

// New builds the wizard for cfg.
func New(cfg Config) Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	lang := cfg.Lang
	if lang == "" {
		lang = locales.English
	}
	m := Model{cfg: cfg}
	m.common = common{isDark: true, w: 80, h: 24, clock: cfg.Now,
		presenter: cfg.Presenter, noColour: cfg.NoColor, walk: walkthrough.New(lang)}
	if cfg.Saved != nil {
		// --step N: everything the client told the guide stays; only the place is new.
		m.walk.Keep(*cfg.Saved)
	}
	if cfg.Email != "" {
		m.walk.SetEmail(cfg.Email)
	}
	if cfg.Step > 0 {
		m.walk.Step(cfg.Step)
	}
	m.scr = newScreens(cfg)
	m.net = newNetScreen(cfg)
	m.status = status{text: cfg.Notice}
	from := m.walk.State()
	if cfg.Saved != nil {
		from = *cfg.Saved // what the file holds: the new place is saved at the first change
	}
	switch {
	case cfg.ShowKey != nil:
		m.stack = []screenID{idShowQR} // nothing to choose: the code is all there is
	default:
		if cfg.Practice {
			m.walk.Step(9)
			m.walk.ToOffer(steps.OfferPractice)
			m.stack = append(m.stack, idPractice) // the key is made once the language is known
		}
		if r := cfg.Resume; r != nil && walkthrough.Offerable(*r) {
			from = *r
			m.stack = append(m.stack, idOffer)
		}
		if !cfg.LangKnown {
			m.stack = append(m.stack, idChooser)
		}
	}
	m.saver = walkthrough.NewSaver(cfg.Progress, from)
	st := m.styles()
	m.st = &st
	h := help.New()
	m.help = &h
	m.setLang(lang)
	m.restyle()
	return m
}

// Init asks the terminal for its background so colours suit it; a terminal that does not
// answer keeps the default.
func (m Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

func (m *Model) setLang(l locales.Lang) {
	m.walk.SetLang(l)
	m.z = locales.New(m.walk.Lang())
	m.km = newKeyMaps(m.z, m.data(), m.cfg.PanicKey)
	if s, ok := m.get(m.front()).(langWaiter); ok {
		m.put(m.front(), s.langKnown(&m.common))
	}
	m.refresh()
}

func (m *Model) restyle() {
	m.blockText = "" // rendered with the old styles
	st := m.styles()
	m.st = &st
	h := help.New()
	h.Styles = m.st.Help
	m.help = &h
	m.refresh()
}

func (m Model) screen() steps.Screen { return m.walk.Screen() }

func (m Model) now() time.Time { return m.cfg.Now() }
