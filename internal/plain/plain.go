// Package plain is the accessible mode of the guide (--plain, ACCESSIBLE, TERM=dumb): no full
// screen, no redraws, no spinners, no box drawing. It writes the same content as the TUI (package
// steps through package guide) line by line, so a screen reader speaks each line once, and after
// each screen asks for a numbered choice read from any io.Reader, a pipe included. Text fields
// (the address, step 9's mobile number and practice code) are plain prompts with the TUI's
// checks and messages; the practice key, having no alternate screen to live on, is shown only in
// a terminal window and erased from it, scrollback included, when the person leaves the practice.
package plain

import (
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/totp"
	"github.com/auvenir/auvenir-onboard/internal/walkthrough"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Config is what the command line decided.
type Config struct {
	Lang      locales.Lang
	LangKnown bool             // false: ask for the language first, in both languages
	Step      int              // open at this step (1 to 9); 0 opens at "before you begin"
	Email     string           // an address already given (it must have passed guest.Parse)
	Now       func() time.Time // the clock of the code timer; nil means time.Now
	// Fields are more text prompts offered on the screens with their widget, after the
	// built-in ones (the address, step 9's practice code and mobile number).
	Fields []Field

	// Terminal reports that the output is a terminal window that can erase what it shows
	// (standard output is a terminal, and not TERM=dumb). Step 9's practice shows its secret
	// key only then, and erases the window and its scrollback when the person leaves it.
	Terminal bool
	// Clear erases the window and its scrollback; nil writes ClearSequence to the output.
	Clear func() error
	// Practice opens straight on step 9's practice enrolment (--totp-practice).
	Practice bool
	// Presenter: a support agent shares this screen (--presenter), so the address, the guest
	// identity and the mobile number are written masked (package mask), and the practice key is
	// never shown; the practice says it appears only on the client's own screen.
	Presenter bool
	// HideTyping, in presenter mode, turns the terminal's echo off while the person types the
	// address or the mobile number, and returns what turns it back on. The terminal, not this
	// program, echoes what is typed, so only the caller can stop it; nil leaves the echo alone
	// (answers from a pipe are not echoed anyway).
	HideTyping func() (restore func())
	// Interrupt, from signal.Notify, ends the guide as the end of input does (a practice key
	// is erased first, the support line said), and Run then returns ErrInterrupted.
	Interrupt <-chan os.Signal

	Progress *progress.Store // where progress is saved after each choice; nil saves nothing
	Resume   *progress.State // saved progress to offer first; nil offers nothing
	// Saved is saved progress to start from without asking (--step N): the address, the
	// answers and the timer stay, and the guide opens at Step.
	Saved  *progress.State
	Notice string // one line to say before the guide, such as a state file ignored
}

// Field is a text prompt a screen offers as one of its numbered choices.
type Field struct {
	Widget steps.Widget // the screens that offer it
	// On, when set, chooses the screens that offer it instead of Widget (the error explainer:
	// every step and the finish).
	On       func(sc steps.Screen) bool
	MenuID   string // its entry in the menu, such as "enter my address"
	PromptID string // the question asked before reading each line
	// Open, when set, runs when the entry is chosen, before the first question. It returns
	// what to say, and false when the field cannot be used now: the lines then say why, and
	// the menu comes back without a question.
	Open func(z *locales.Localizer) (said []string, ok bool)
	// Accept checks one typed line (trimmed; possibly empty). It returns what to say, already
	// in z's language, and whether to ask again: a refusal, or a code that did not verify.
	Accept func(z *locales.Localizer, typed string) (said []string, again bool)
	// Leave: an empty line or 0 goes back to the menu without Accept seeing it.
	Leave bool
	// N, when set, is the field's number on every screen that offers it, as a key is the same
	// on every screen of the wizard (the explainer is always 8); 0 numbers it after the others.
	N int
	// Lines: the answer is several lines (a pasted error page), read up to an empty line and
	// given to Accept joined; an empty first line leaves, as Leave does.
	Lines bool
	// Private: what is typed is personal data, read with Config.HideTyping in presenter mode.
	Private bool
	// Close, when set, runs once the questions end after a successful Open, however they end
	// (accepted, left, end of input, interrupt), and returns what to say then.
	Close func(z *locales.Localizer) []string
	// Show, when set, gives the lines that describe the field on its screen; n is its number
	// in the menu.
	Show func(z *locales.Localizer, n int) []string
	// Hidden, when set and true, leaves the field out of the menu and the screen, such as step
	// 9's number check once text-message codes have ended.
	Hidden func() bool
}

// Choice numbers every screen shares. Screen-specific entries count up from firstExtra.
const (
	choiceQuit    = 0
	choiceNext    = 1
	choiceBack    = 2
	choiceRepeat  = 3
	firstExtra    = 4
	choiceExplain = 8
	choiceLang    = 9
)

type session struct {
	cfg    Config
	z      *locales.Localizer // in w's language
	in     *lineReader
	out    *printer
	w      walkthrough.Walk  // the client's situation: this mode is a view of it
	saver  walkthrough.Saver // writes w's state when a choice changed it
	fields []Field
	step9  step9 // the practice and the number, in memory only
}

// Run shows the guide until the person quits or the input ends; both end with a line giving the
// support contacts, and neither is an error. It returns an error only when reading or writing
// fails.
func Run(cfg Config, in io.Reader, out io.Writer) error {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	lang := cfg.Lang
	if lang != locales.French && lang != locales.English {
		lang = locales.English
	}
	s := &session{cfg: cfg, z: locales.New(lang), in: newLineReader(in, cfg.Interrupt), out: &printer{w: out},
		w: walkthrough.New(lang)}
	if cfg.Saved != nil {
		// --step N: everything the client told the guide stays; only the place is new.
		s.w.Keep(*cfg.Saved)
	}
	if cfg.Email != "" {
		s.w.SetEmail(cfg.Email)
	}
	defer s.in.stop()
	s.fields = append(s.builtinFields(), cfg.Fields...)
	step := cfg.Step
	if cfg.Practice {
		step = 9
	}
	s.w.Step(step)
	if !cfg.LangKnown {
		l, ok := s.chooseLanguage()
		if !ok {
			s.goodbyeBilingual()
			return s.finish()
		}
		s.setLang(l)
	}
	s.out.line(s.z.T("AppName", s.data()))
	s.out.line(s.z.T("PlainHowTo", s.data()))
	if cfg.Notice != "" {
		s.out.line(cfg.Notice)
	}
	from := s.w.State()
	switch {
	case cfg.Saved != nil:
		from = *cfg.Saved // what the file holds: the new place is saved at the first change
	case cfg.Resume != nil:
		from = *cfg.Resume
	}
	s.saver = walkthrough.NewSaver(cfg.Progress, from)
	if !s.offerResume() {
		s.goodbye()
		return s.finish()
	}
	s.show()
	if cfg.Practice && s.screen().Widget == steps.WidgetMFAOptions && !s.ask(s.practiceField()) {
		s.goodbye()
		return s.finish()
	}
	for s.out.err == nil {
		entries := s.menu()
		s.out.line(s.z.T("PlainPrompt", guide.With(s.data(), "Choices", choicesText(entries))))
		typed, ok := s.in.read()
		if !ok {
			break
		}
		e, found := pick(entries, typed)
		if !found {
			s.out.line(s.z.T("PlainInvalidChoice", s.data()))
			continue
		}
		if !e.do() {
			break
		}
		s.save()
	}
	s.goodbye()
	return s.finish()
}

func (s *session) finish() error {
	if s.out.err != nil {
		return s.out.err
	}
	return s.in.err
}

// data is the template data of every message: the guide's facts, the Authenticator app's labels
// (step 9) and the number of the first extra choice. In presenter mode the address and the guest
// identity are masked here, so no message can quote them in clear.
func (s *session) data() map[string]any {
	d := guide.With(guide.Situated(guide.Shown(s.w.Email(), s.cfg.Presenter), s.w.SignIn(), s.cfg.Now()), "N", firstExtra, "Digits", totp.CodeLen)
	for k, v := range steps.AuthenticatorLabels() {
		d[k] = v
	}
	return d
}

func (s *session) screen() steps.Screen { return s.w.Screen() }

// setLang switches the walk's language and the words with it.
func (s *session) setLang(l locales.Lang) {
	s.w.SetLang(l)
	s.z = locales.New(s.w.Lang())
}

// entry is one numbered choice; do reports whether to go on.
type entry struct {
	n     int
	label string
	do    func() bool
}

// menu is this screen's choices, in the order they are read out: moving first, then what the
// screen adds, then language and quit. Moves that go nowhere (back on the first screen, next on
// the last) are left out rather than refused.
func (s *session) menu() []entry {
	d := s.data()
	var es []entry
	add := func(n int, id string, do func() bool) {
		es = append(es, entry{n, s.z.T(id, d), do})
	}
	if s.w.Index() < len(s.w.Screens())-1 {
		add(choiceNext, "PlainMenuNext", func() bool { s.w.NextWhole(); s.show(); return true })
	}
	if s.w.Index() > 0 {
		add(choiceBack, "PlainMenuBack", func() bool { s.w.BackWhole(); s.show(); return true })
	}
	add(choiceRepeat, "PlainMenuRepeat", func() bool { s.show(); return true })
	if s.hasTimer(s.screen().Widget) {
		add(firstExtra, "PlainMenuCodeSent", func() bool { return s.startTimer() })
	}
	for _, nf := range s.screenFields(s.screen()) {
		add(nf.n, nf.MenuID, func() bool { return s.ask(nf.Field) })
	}
	add(choiceLang, "PlainMenuLang", func() bool { s.setLang(s.z.Lang().Other()); s.show(); return true })
	add(choiceQuit, "PlainMenuQuit", func() bool { return false })
	return es
}

// numbered is a field with its number in the menu.
type numbered struct {
	Field
	n int
}

// screenFields are the fields screen sc offers, numbered after the screen's own extra choice
// (step 3's timer), in the order of s.fields.
func (s *session) screenFields(sc steps.Screen) []numbered {
	n := firstExtra
	if s.hasTimer(sc.Widget) {
		n++
	}
	var out []numbered
	for _, f := range s.fields {
		offered := f.Widget == sc.Widget && f.On == nil
		if f.On != nil {
			offered = f.On(sc)
		}
		if offered && (f.Hidden == nil || !f.Hidden()) {
			if f.N != 0 {
				out = append(out, numbered{f, f.N})
				continue
			}
			out = append(out, numbered{f, n})
			n++
		}
	}
	slices.SortStableFunc(out, func(a, b numbered) int { return a.n - b.n }) // read out in order
	return out
}

func choicesText(es []entry) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = strconv.Itoa(e.n) + " " + e.label
	}
	return strings.Join(parts, ", ")
}

func pick(es []entry, typed string) (entry, bool) {
	n, err := strconv.Atoi(typed)
	if err != nil {
		return entry{}, false
	}
	for _, e := range es {
		if e.n == n {
			return e, true
		}
	}
	return entry{}, false
}

// ask runs a text prompt until the field is done with it, the person leaves it, or the input
// ends (then it reports false).
func (s *session) ask(f Field) bool {
	if f.Open != nil {
		said, ok := f.Open(s.z)
		s.out.lines(said)
		if !ok {
			return true
		}
	}
	if f.Close != nil {
		defer func() { s.out.lines(f.Close(s.z)) }()
	}
	if s.hidesTyping(f) {
		s.out.line(s.z.T("PlainTypingHidden", s.data()))
	}
	for s.out.err == nil {
		s.out.line(s.z.T(f.PromptID, s.data()))
		typed, ok := s.readAnswer(f)
		if !ok {
			return false
		}
		if f.Leave && (typed == "" || typed == "0") {
			return true
		}
		if f.Lines && typed == "" {
			return true
		}
		said, again := f.Accept(s.z, typed)
		s.out.lines(said)
		if !again {
			return true
		}
	}
	return false
}

func (s *session) goodbye() {
	s.out.line("")
	s.out.line(s.z.T("PlainEnd", s.data()))
}

func (s *session) goodbyeBilingual() {
	fr, en := locales.New(locales.French), locales.New(locales.English)
	s.out.line("")
	s.out.line(fr.T("PlainEnd", s.data()) + " / " + en.T("PlainEnd", s.data()))
}

// chooseLanguage asks in both languages at once, since neither is known yet.
func (s *session) chooseLanguage() (locales.Lang, bool) {
	fr, en := locales.New(locales.French), locales.New(locales.English)
	for {
		s.out.line(fr.T("PlainChooseLanguage", map[string]any{"N": 1}))
		s.out.line(en.T("PlainChooseLanguage", map[string]any{"N": 2}))
		typed, ok := s.in.read()
		if !ok {
			return "", false
		}
		switch typed {
		case "1":
			return locales.French, true
		case "2":
			return locales.English, true
		}
		s.out.line(fr.T("PlainInvalidLanguage") + " / " + en.T("PlainInvalidLanguage"))
	}
}

// hasTimer reports whether a screen with widget w offers the emailed code's timer: steps 3 to 5,
// unless the address is already a Microsoft account (then Microsoft asks for its password and
// emails no code).
func (s *session) hasTimer(w steps.Widget) bool {
	return (w == steps.WidgetCodeSent || w == steps.WidgetCodeTimer) && !s.w.SignIn().UsesPassword() // as Walk.HasTimer, for any widget
}

// builtinFields are plain mode's own prompts, by the widget they stand for.
func (s *session) builtinFields() []Field {
	return []Field{s.addressField(), s.signInField(), s.practiceField(), s.phoneField(), s.trustedField(),
		s.explainField()}
}
