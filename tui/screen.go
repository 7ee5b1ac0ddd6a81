package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/walkthrough"
	"github.com/auvenir/auvenir-onboard/locales"
)

// The wizard is a walkthrough (the root, model.go) and screens. A screen is one interactive part:
// the language chooser, the resume offer, the help, the address field, the network check, step
// 9's options, the practice, the store codes, the mobile number field and --show-qr. The root
// owns the frame and the global keys (ctrl+c, q, l, P, ?), handled once in root.go; a screen
// handles the rest of its keys and tells the root what to do through an action.
//
// Adding a screen: its file (a type that implements screen, and its register call) and its line
// in the list of screenIDs below; see screens.go.

// screen is one interactive part of the wizard. Screens are values: update returns the next
// state, so the root stays a value that tests can copy.
type screen interface {
	// update handles one message: a key, a paste, or a message of the screen's own commands. It
	// returns the screen's next state, what the root must do (nil: nothing), and a command.
	update(c *common, msg tea.Msg) (screen, action, tea.Cmd)
	// view draws the screen in a box of w×h cells. A screen inside the walkthrough's frame (the
	// address field, the network check, step 9's options, the mobile number, the help) gets h 0:
	// the frame scrolls it.
	view(c *common, w, h int) string
	// keys are the bindings the screen answers to, in the order the help bar shows them. The
	// same bindings decide what update does: a disabled binding is neither shown nor matched.
	keys(c *common) []key.Binding
	// mode says how the screen shares the keyboard with the root.
	mode(c *common) mode
}

// mode is how a screen shares the keyboard.
type mode struct {
	// full: the screen takes the whole window (the chooser, the offer, QR codes); otherwise it
	// is drawn in the walkthrough's frame, under the step's text or in its place.
	full bool
	// text: letters are text (a field has focus): every key goes to the screen, and of the
	// global keys only those in globals apply.
	text bool
	// globals are the root's keys that apply on this screen, besides ctrl+c which always does.
	globals globalKeys
	// follow: the step's own screen, drawn at the end of its text, has the keys (step 2's
	// answers): the frame keeps that end in sight, as it does for a field being typed in.
	follow bool
}

// globalKeys is a set of the root's keys.
type globalKeys uint8

const (
	gQuit      globalKeys = 1 << iota // q
	gLang                             // l
	gPresenter                        // P
	gHelp                             // ?
	gAll       = gQuit | gLang | gPresenter | gHelp
)

// screenID names a screen. This is the one list of screens: a new screen adds its line above
// idEnd, and its file registers it (screens.go).
type screenID int

const (
	idNone     screenID = iota
	idChooser           // the language, asked in both languages
	idOffer             // continue where the person stopped, or start over
	idHelp              // every key of the screen under it
	idAddress           // the address field of « Your address »
	idNet               // the network check of « Before you begin »
	idOptions           // step 9's options: a, g and t
	idPractice          // the practice enrolment in the authenticator app
	idStores            // the store pages as QR codes
	idPhone             // the mobile number field
	idShowQR            // --show-qr
	idSignIn            // step 2's question: is the address already a Microsoft account?
	idExplain           // the error explainer (x)
	idTrusted           // step 9: done, the client's organisation's MFA is trusted (d)
	idEnd               // one past the last: a new screen goes above
)

// action is what a screen asks of the root.
type action any

type (
	// closeScreen: take the screen off the stack; the screen under it has the keys again.
	closeScreen struct{}
	// quitApp: end the program.
	quitApp struct{}
	// openScreen: put a screen on the stack.
	openScreen struct{ id screenID }
	// langChosen: the chooser's answer.
	langChosen struct{ lang locales.Lang }
	// resumeChosen: the offer's answer.
	resumeChosen struct {
		resume bool
		state  progress.State // the progress the offer was about
	}
	// addressLeft: the address field was left; email is the address to keep (empty: none), and
	// move the screens to go (+1 on, -1 back, 0 stay).
	addressLeft struct {
		email string
		move  int
		keep  bool // the text typed is refused: the address given before stays
	}
	// unchanged: the key changed nothing on screen (a letter past a field's limit): no redraw.
	unchanged struct{}
	// redraw: the screen changed; the root recomposes the frame.
	redraw struct{}
)

// common is what every screen reads: the language and its key labels, the looks, the window, the
// clock, presenter mode and the address given. The root owns it and lends it to each call, so no
// screen keeps a copy that could go stale.
type common struct {
	z         *locales.Localizer
	st        *Styles // replaced whole (restyle), never changed in place: copies of the model share it
	km        keyMaps
	help      *help.Model // replaced whole with the styles, never changed in place
	w, h      int
	isDark    bool
	noColour  bool // NO_COLOR, or a terminal with no colours: QR codes drawn with glyphs, i inverts
	presenter bool
	// walk is the client's situation (internal/walkthrough): the one copy of it, read by the
	// screens, changed only by the root through its methods when a screen asks.
	walk  walkthrough.Walk
	clock func() time.Time
	// under is what ? lists: the keys of the walkthrough and of its screen (set by the root).
	under [][]key.Binding
}

// data is the template data of every message, masked in presenter mode, for the client's
// sign-in path and the day (the blocks of steps 3 to 5 and of step 9 depend on them).
func (c *common) data() map[string]any {
	return guide.Situated(guide.Shown(c.walk.Email(), c.presenter), c.walk.SignIn(), c.clock())
}

// bind is a binding declared by a screen in its own file: keys, the label shown for them, and
// the locale message that says what they do (in the language and with the data of now).
func (c *common) bind(keys []string, shown, descID string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, c.z.T(descID, c.data())))
}

// matches reports whether msg is one of bindings (disabled ones never match).
func matches(msg tea.KeyPressMsg, bindings []key.Binding) bool {
	return key.Matches(msg, bindings...)
}
