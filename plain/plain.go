// Package plain is the accessible mode of the guide (--plain, ACCESSIBLE, TERM=dumb): no full
// screen, no redraws, no spinners, no box drawing. It writes the same content as the TUI (package
// steps through package guide) line by line, so a screen reader speaks each line once, and after
// each screen asks for a numbered choice read from any io.Reader, a pipe included.
package plain

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/auvenir/auvenir-onboard/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/progress"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Config is what the command line decided.
type Config struct {
	Lang      locales.Lang
	LangKnown bool             // false: ask for the language first, in both languages
	Step      int              // open at this step (1 to 9); 0 opens at "before you begin"
	Email     string           // an address already given (it must have passed guest.Parse)
	Now       func() time.Time // the clock of the code timer; nil means time.Now
	// Fields are more text prompts (phone number, practice code) offered on the screens with
	// their widget, after the built-in ones.
	Fields []Field

	Progress *progress.Store // where progress is saved after each choice; nil saves nothing
	Resume   *progress.State // saved progress to offer first; nil offers nothing
	Notice   string          // one line to say before the guide, such as a state file ignored
}

// Field is a text prompt a screen offers as one of its numbered choices.
type Field struct {
	Widget   steps.Widget // the screens that offer it
	MenuID   string       // its entry in the menu, such as "enter my address"
	PromptID string       // the question asked before reading the line
	// Accept checks one typed line (trimmed; possibly empty). On success it returns what to
	// say, already in z's language; on refusal, the locale ID of the reason, and the question
	// is asked again.
	Accept func(z *locales.Localizer, typed string) (said []string, refusedID string)
	// Show, when set, gives the lines that describe the field's current value on its screen.
	Show func(z *locales.Localizer) []string
}

// Choice numbers every screen shares. Screen-specific entries count up from firstExtra.
const (
	choiceQuit   = 0
	choiceNext   = 1
	choiceBack   = 2
	choiceRepeat = 3
	firstExtra   = 4
	choiceLang   = 9
)

// codeValidity is how long Microsoft's emailed code works.
const codeValidity = steps.CodeValidMinutes * time.Minute

type session struct {
	cfg      Config
	z        *locales.Localizer
	in       *lineReader
	out      *printer
	screens  []steps.Screen
	cur      int
	email    string
	codeSent time.Time // when the person said they clicked « Send code »; zero before
	fields   []Field
	last     progress.State // the progress as last saved, so only changes are written
	saveErr  bool           // a save failed and the person was told; said once
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
	s := &session{cfg: cfg, z: locales.New(lang), in: newLineReader(in), out: &printer{w: out},
		screens: steps.All(), email: cfg.Email}
	s.fields = append([]Field{s.addressField()}, cfg.Fields...)
	if i := steps.Index(s.screens, cfg.Step); i >= 0 {
		s.cur = i
	}
	if !cfg.LangKnown {
		l, ok := s.chooseLanguage()
		if !ok {
			s.goodbyeBilingual()
			return s.finish()
		}
		s.z = locales.New(l)
	}
	s.out.line(s.z.T("AppName", s.data()))
	s.out.line(s.z.T("PlainHowTo", s.data()))
	if cfg.Notice != "" {
		s.out.line(cfg.Notice)
	}
	s.last = s.snapshot()
	if !s.offerResume() {
		s.goodbye()
		return s.finish()
	}
	s.show()
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

func (s *session) data() map[string]any {
	return guide.With(guide.Data(s.email), "N", firstExtra)
}

func (s *session) screen() steps.Screen { return s.screens[s.cur] }

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
	if s.cur < len(s.screens)-1 {
		add(choiceNext, "PlainMenuNext", func() bool { s.cur++; s.show(); return true })
	}
	if s.cur > 0 {
		add(choiceBack, "PlainMenuBack", func() bool { s.cur--; s.show(); return true })
	}
	add(choiceRepeat, "PlainMenuRepeat", func() bool { s.show(); return true })
	n := firstExtra
	switch s.screen().Widget {
	case steps.WidgetCodeSent, steps.WidgetCodeTimer:
		add(n, "PlainMenuCodeSent", func() bool { s.startTimer(); return true })
		n++
	}
	for _, f := range s.fields {
		if f.Widget == s.screen().Widget {
			add(n, f.MenuID, func() bool { return s.ask(f) })
			n++
		}
	}
	add(choiceLang, "PlainMenuLang", func() bool { s.z = locales.New(s.z.Lang().Other()); s.show(); return true })
	add(choiceQuit, "PlainMenuQuit", func() bool { return false })
	return es
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

// ask runs a text prompt until the field accepts the line or the input ends.
func (s *session) ask(f Field) bool {
	for {
		s.out.line(s.z.T(f.PromptID, s.data()))
		typed, ok := s.in.read()
		if !ok {
			return false
		}
		said, refused := f.Accept(s.z, typed)
		if refused != "" {
			s.out.line(s.z.T(refused, s.data()))
			continue
		}
		for _, l := range said {
			s.out.line(l)
		}
		return true
	}
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
