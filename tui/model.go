// Package tui is the full-screen walkthrough: Bubble Tea models that show the content of package
// steps in the person's language, with the address field, the code timer and the step list.
package tui

import (
	"io"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/timer"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Config is what the command line decided.
type Config struct {
	Lang      locales.Lang
	LangKnown bool // false: the first screen asks for the language
	Step      int  // open at this step (1 to 9); 0 opens at "before you begin"
	NoColor   bool
	// Glyphs are the symbols drawn (glyphs.go); the zero value is the Unicode set, and Run picks
	// the set for the terminal in use.
	Glyphs glyphs.Set
	Email  string           // an address already given, if any
	Now    func() time.Time // the clock; nil means time.Now
	// NetChecker and NetEndpoints are the network check of "Before you begin" (key c): nil
	// means the real network, the proxy variables and the built-in list. Tests use loopback.
	NetChecker   func() *netcheck.Checker // called when the check starts: it loads root stores
	NetEndpoints []netcheck.Endpoint
	// PanicKey, when set, makes that key crash the wizard: the end-to-end tests use it to prove
	// that a crash gives the terminal back and shows the support contacts, not a stack trace.
	PanicKey string

	// Presenter mode, resume, links and copy (features.go and the files it names).
	Presenter bool               // start in presenter mode, for screen sharing
	Progress  *progress.Store    // where progress is saved after each step; nil saves nothing
	Resume    *progress.State    // saved progress to offer on start; nil offers nothing
	Notice    string             // one line for the first screen, such as a state file ignored
	OpenURL   func(string) error // opens a link in a browser; nil uses the system's
	CopyText  func(string) error // puts text on the system clipboard; nil uses the system's

	// Step 9's practice and codes (mfa.go and the files it names).
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

// Model is the whole wizard.
type Model struct {
	cfg      Config
	z        *locales.Localizer
	choosing bool // the language chooser is on screen
	choice   locales.Lang
	screens  []steps.Screen
	cur      int
	done     []bool
	w, h     int
	isDark   bool
	st       Styles
	g        glyphs.Set
	noColour bool // no colours: NO_COLOR, or a terminal with none (QR codes drawn with glyphs)
	keys     keyMap
	help     help.Model
	showAll  bool
	vp       viewport.Model

	input   textinput.Model
	email   string
	addrErr string // message ID of the last refusal, empty when none

	codeSent time.Time // when the person said they clicked « Send code »; zero before
	timer    timer.Model

	net netCheck // the network check on "Before you begin" (netcheck_widget.go)
	mfa mfaState // step 9: practice enrolment, store codes, mobile number, --show-qr

	// The frame's parts, rebuilt by refresh when what they show changes.
	headerPart, footerPart, topPart, stripPart string
	sidePart                                   []string
	frame                                      string
	blockKey                                   blockKey
	blockText                                  string

	feat features // presenter mode, resume, links and copy
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
	m := Model{
		cfg:      cfg,
		g:        cfg.Glyphs,
		choosing: !cfg.LangKnown,
		choice:   locales.French,
		screens:  steps.All(),
		isDark:   true,
		w:        80,
		h:        24,
		help:     help.New(),
		vp:       viewport.New(),
		input:    textinput.New(),
		email:    cfg.Email,
	}
	if m.g.Pass == "" {
		m.g = glyphs.Unicode
	}
	m.done = make([]bool, len(m.screens))
	if cfg.Step > 0 {
		if i := steps.Index(m.screens, cfg.Step); i >= 0 {
			m.cur = i
		}
	}
	m.noColour = cfg.NoColor
	m.input.CharLimit = 254
	m.input.SetValue(cfg.Email)
	m.initFeatures()
	m.initMFA()
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
	m.z = locales.New(l)
	m.keys = newKeyMap(m.z, m.data())
	m.keys.Invert.SetEnabled(m.noColour)
	m.input.Placeholder = m.z.T("AddressPlaceholder")
	m.refresh()
}

func (m *Model) restyle() {
	m.blockText = "" // rendered with the old styles
	m.st = m.styles()
	m.help.Styles = m.st.Help
	m.input.SetStyles(m.st.Input)
	m.refresh()
}

// data is the template data of every message; presenter mode masks the address in it.
func (m Model) data() map[string]any { return m.maskData(guide.Data(m.email)) }

func (m Model) screen() steps.Screen { return m.screens[m.cur] }

func (m Model) now() time.Time { return m.cfg.Now() }

// update handles one message for the walkthrough itself; Update (features.go) runs it.
func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.updateNet(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.refresh()
	case tea.ColorProfileMsg:
		m.noColourQR(m.cfg.NoColor || msg.Profile < colorprofile.ANSI)
		m.refresh()
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.restyle()
	case timer.TickMsg, timer.StartStopMsg, timer.TimeoutMsg:
		var cmd tea.Cmd
		m.timer, cmd = m.timer.Update(msg)
		m.refresh()
		return m, cmd
	case tea.PasteMsg:
		if m.input.Focused() {
			return m.updateInput(msg)
		}
		if m.mfa.view != mfaNone {
			return m.updateMFAField(msg)
		}
	case tea.KeyPressMsg:
		switch {
		case m.choosing:
			return m.updateChooser(msg)
		case m.mfa.view != mfaNone:
			return m.updateMFA(msg)
		case m.input.Focused():
			return m.updateField(msg)
		}
		return m.updateKeys(msg)
	}
	return m, nil
}
