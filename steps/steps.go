// Package steps is the content of the guide as data: the screens of the walkthrough, in order,
// each a list of blocks that name locale message IDs. The TUI, --print and the plain mode all
// render this one source, so the three can never tell a client different things.
package steps

import "github.com/auvenir/auvenir-onboard/internal/ledger"

// Kind says what a screen is for.
type Kind int

const (
	KindIntro   Kind = iota // before you begin
	KindAddress             // the optional email address
	KindStep                // one of the guide's nine numbered steps
	KindFinish              // the end, with the support contacts
)

// Widget is the interactive part a screen carries besides its text.
type Widget int

const (
	WidgetNone         Widget = iota
	WidgetNetworkCheck        // the firewall check offered before the invitation
	WidgetAddress             // the email address field and the guest identity
	WidgetCodeSent            // the person confirms « Send code »: the 30-minute timer starts
	WidgetCodeTimer           // shows how long the emailed code stays valid
	WidgetMFAOptions          // the two ways to register multifactor authentication
	WidgetSignIn              // "Is this address already a Microsoft account?": steps 3 to 5 follow it
	widgetEnd                 // one past the last: a new widget goes above
)

// Widgets lists every widget but WidgetNone. The TUI and plain mode each test that they draw
// every one (tui/completeness_test.go, internal/plain/completeness_test.go): a new widget fails
// there until both modes handle it.
func Widgets() []Widget {
	var out []Widget
	for w := WidgetNone + 1; w < widgetEnd; w++ {
		out = append(out, w)
	}
	return out
}

// BlockKind says how a block is presented.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Bullet              // one item of a list
	Heading             // a sub-heading inside a screen
	OnScreen            // what Microsoft's or the mail client's screen shows at that moment
	Warning             // something that may go wrong, said before it does
	Hint                // what to do when it did go wrong
	Link                // a URL shown on its own line
	Contact             // a support contact (email or phone)
	StorePage           // a store page of Microsoft Authenticator: Text names the store, ID the phones
)

// Block is one piece of a screen's text.
type Block struct {
	Kind BlockKind
	// ID is the locale message, filled with Facts() and, once known, {{.Email}} and {{.Identity}}.
	// Link and Contact blocks may leave it empty.
	ID string
	// EmailID, when set, replaces ID once the person has given their address, so the guide can
	// say "your address (jane@example.ca)" instead of "your address".
	EmailID string
	// Text is what a Link or Contact block shows (an address, a phone number): data, not prose.
	Text string
	// URL is where a Link, Contact or StorePage block points.
	URL string
	// For is the set of sign-in paths the block speaks to (steps 3 to 5); zero means every one.
	For Audience
	// Not is the set of sign-in paths the block is withheld from: a statement that is certain
	// for a known path (ForWork: "Microsoft asks for your password") is withheld from a client who
	// does not know (ForUnsure), who reads the conditional wording instead.
	Not Audience
	// Switch and SwitchIs make the block depend on one of DMC Hosting's own settings, a switch of
	// the facts ledger: shown only while the switch has the value SwitchIs ("yes", "no",
	// "unknown"). While a switch is unknown the guide says both cases, conditionally.
	Switch, SwitchIs string
	// PaperID, when set, replaces ID on paper (--print), where no key can be pressed; "-" leaves
	// the block off paper.
	PaperID string
	// PaperOnly blocks say on paper what the interactive modes ask or show with a widget (the
	// step-2 question).
	PaperOnly bool
	// When is the set of phases of Microsoft's end of text-message codes in which the block is
	// true (step 9); zero means always.
	When Phases
	// Part is the part of its screen the wizard shows the block on (Screen.Parts); paper and
	// the plain mode show every part, in order.
	Part int
}

// Shown reports whether the block applies to a client on sign-in path a, on a day in phase p.
func (b Block) Shown(a Audience, p PhonePhase) bool {
	return (b.For == 0 || b.For&a != 0) && b.Not&a == 0 && (b.When == 0 || b.When.Has(p)) &&
		(b.Switch == "" || ledger.Embedded().Switch(b.Switch) == b.SwitchIs)
}

// Screen is one page of the walkthrough.
type Screen struct {
	Key     string // stable name, used in saved progress and tests
	Kind    Kind
	Number  int    // 1 to 9 for the guide's steps, 0 otherwise
	TitleID string // what the step list and the heading show
	// TitlePasswordID and TitleUnsureID, when set, replace TitleID for a client whose address is
	// already a Microsoft account, and for one who does not know (steps 3 to 5): a screen where
	// the client types a password is not titled "Send code".
	TitlePasswordID, TitleUnsureID string
	// LeadID is the instruction itself, shown large under "Step N of 9".
	LeadID string
	// LeadPasswordID, when set, replaces LeadID for a client whose address is already a
	// Microsoft account: Microsoft asks them for a password instead of emailing a code.
	LeadPasswordID string
	// LeadUnsureID, when set, replaces LeadID for a client who does not know what the address
	// already is: the instruction says what to do for each page Microsoft may show.
	LeadUnsureID string
	Blocks       []Block
	Widget       Widget
	// MainLink is what the "open in browser" key opens on this screen, if anything.
	MainLink string
	// Parts, when set, split a long screen into parts the wizard shows one at a time, → moving
	// to the next part before the next step (issue 20, item 6: at 80×24 no step needs more than
	// two pages). They are pages of one step: the step's number, its key in saved progress and
	// paper stay whole.
	Parts []Part
}

// Part is one part of a screen that has several.
type Part struct {
	TitleID string  // what the heading says after "part 2 of 3"
	Offers  []Offer // what the screen's widget offers on this part; none: no widget here
}

// Offer is one thing a screen's widget offers, which the wizard shows on one part only.
type Offer string

const (
	OfferNetCheck Offer = "netcheck" // the intro's network check (c)
	OfferStores   Offer = "stores"   // step 9: the store pages as QR codes (g)
	OfferPractice Offer = "practice" // step 9: the practice enrolment (a)
	OfferPhone    Offer = "phone"    // step 9: the mobile number check (t)
	OfferTrusted  Offer = "trusted"  // step 9: Microsoft asked for no method (d)
)

// PartCount is how many parts the wizard shows the screen in: 1 when it is not split.
func (s Screen) PartCount() int { return max(1, len(s.Parts)) }

// Offers reports whether part i of the screen shows its widget's offer o: a screen that is not
// split shows every offer.
func (s Screen) Offers(i int, o Offer) bool {
	if len(s.Parts) == 0 {
		return true
	}
	if i < 0 || i >= len(s.Parts) {
		return false
	}
	for _, x := range s.Parts[i].Offers {
		if x == o {
			return true
		}
	}
	return false
}

// PartOf is the part of the screen that shows offer o (0 when it is not split or none does).
func (s Screen) PartOf(o Offer) int {
	for i := range s.Parts {
		if s.Offers(i, o) {
			return i
		}
	}
	return 0
}

// StepCount is the number of numbered steps in the guide.
const StepCount = 9

// Support contacts, as printed on the last page of the guide.
const (
	SupportEmail    = "support@auvenir.ca"
	SupportPhone    = "+1 (855) 528-8364"
	SupportPhoneURI = "tel:+18555288364"
)

// Addresses the guide names; they are facts, not translations.
const (
	InviteSender     = "no-reply@auvenir.ca"
	CodeSender       = "account-security-noreply@accountprotection.microsoft.com"
	OrganizationsURL = "https://myaccount.microsoft.com/organizations"
	// MyAccountTenantURL is My Account in DMC Hosting's context: a guest who signs in with an
	// emailed code or a personal Microsoft account sees DMC Hosting among their organizations
	// only there (Microsoft Learn, "Leave an organization as an external user").
	MyAccountTenantURL = "https://myaccount.microsoft.com?tenantId=DMCHosting.onmicrosoft.com"
	TenantDomain       = "DMCHosting.onmicrosoft.com"
	CodeValidMinutes   = 30
	IdentityExample    = "clientemail_clientdomain.ca#EXT#@DMCHosting.onmicrosoft.com"
	AuthenticatorName  = "Microsoft Authenticator"
)

// FirewallURLs are the Auvenir addresses the guide asks IT to allow.
var FirewallURLs = []string{
	"https://ca.auvenir.com",
	"https://ap.auvenir.com",
	"https://helpdesk.auvenir.com",
	"https://crm.auvenir.com",
}

// All returns the screens in the order the walkthrough shows them. Each call builds a fresh
// slice, so a caller may not change what another one sees.
func All() []Screen {
	s := []Screen{intro(), address()}
	s = append(s, numbered()...)
	return append(s, finish())
}

// Index returns the position in All() of step n (1 to 9), or -1.
func Index(screens []Screen, n int) int {
	for i, s := range screens {
		if s.Kind == KindStep && s.Number == n {
			return i
		}
	}
	return -1
}

// ByKey returns the position in screens of the screen named key, or -1.
func ByKey(screens []Screen, key string) int {
	for i, s := range screens {
		if s.Key == key {
			return i
		}
	}
	return -1
}

// MessageIDs lists every message ID the content refers to, for the completeness tests.
func MessageIDs() []string {
	var ids []string
	for _, s := range All() {
		ids = append(ids, s.TitleID)
		for _, id := range []string{s.LeadID, s.LeadPasswordID, s.LeadUnsureID, s.TitlePasswordID, s.TitleUnsureID} {
			if id != "" {
				ids = append(ids, id)
			}
		}
		for _, b := range s.Blocks {
			if b.ID != "" {
				ids = append(ids, b.ID)
			}
			if b.EmailID != "" {
				ids = append(ids, b.EmailID)
			}
			if b.PaperID != "" && b.PaperID != "-" {
				ids = append(ids, b.PaperID)
			}
		}
		for _, pt := range s.Parts {
			ids = append(ids, pt.TitleID)
		}
	}
	for _, st := range Stores() {
		ids = append(ids, st.DeviceID)
	}
	for _, a := range SignInChoices() {
		ids = append(ids, a.LabelID())
	}
	return ids
}
