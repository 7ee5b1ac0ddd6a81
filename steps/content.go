package steps

import "fmt"

func p(id string) Block       { return Block{Kind: Paragraph, ID: id} }
func bullet(id string) Block  { return Block{Kind: Bullet, ID: id} }
func heading(id string) Block { return Block{Kind: Heading, ID: id} }
func screen(id string) Block  { return Block{Kind: OnScreen, ID: id} }
func warn(id string) Block    { return Block{Kind: Warning, ID: id} }
func hint(id string) Block    { return Block{Kind: Hint, ID: id} }
func link(url string) Block   { return Block{Kind: Link, Text: url, URL: url} }

// withEmail is a block whose wording changes once the person's address is known.
func withEmail(b Block, emailID string) Block { b.EmailID = emailID; return b }

// only is b for the sign-in paths in a (steps 3 to 5).
func only(a Audience, b Block) Block { b.For = a; return b }

// known is b for the paths in a when the client said so, withheld from one who does not know.
func known(a Audience, b Block) Block { b.For = a; b.Not = ForUnsure; return b }

// ifSwitch is b while DMC Hosting's setting key (a switch of the facts ledger) is value.
func ifSwitch(key, value string, b Block) Block { b.Switch, b.SwitchIs = key, value; return b }

// paper is b with the words id on paper, where no key can be pressed.
func paper(b Block, id string) Block { b.PaperID = id; return b }

// part puts blocks on part n of their screen (Screen.Parts).
func part(n int, bs ...Block) []Block {
	for i := range bs {
		bs[i].Part = n
	}
	return bs
}

// during is b for the phases ps of Microsoft's end of text-message codes (step 9).
func during(ps Phases, b Block) Block { b.When = ps; return b }

// The phases of assets/smsvoice.toml as the blocks of step 9 use them.
var (
	phoneWorks    = Of(PhoneBeforePrompts, PhonePrompts, PhoneKept) // option 2 is offered
	beforeEnd     = Of(PhoneBeforePrompts, PhonePrompts)            // the end is announced
	phoneRetired  = Of(PhoneRetired)                                // option 2 is gone
	passkeyPrompt = Of(PhonePrompts, PhoneKept)                     // the prompt can be postponed
)

// The first screen says what the client will do before it explains why (issue 10, item 11);
// the seed's explanations follow, unchanged in substance.
func intro() Screen {
	blocks := part(0,
		p("IntroWhatYouDo"),
		bullet("IntroDo1"),
		bullet("IntroDo2"),
		bullet("IntroDo3"),
		bullet("IntroDo4"),
	)
	issues := []Block{
		heading("IntroIssuesHeading"),
		warn("IntroIssuePassword"),
		warn("IntroIssueAlias"),
		withEmail(warn("IntroIssueIdentity"), "IntroIssueIdentityEmail"),
		warn("IntroIssueFirewall"),
	}
	for _, u := range FirewallURLs {
		issues = append(issues, link(u))
	}
	blocks = append(blocks, part(1, issues...)...)
	blocks = append(blocks, part(2,
		heading("IntroAboutHeading"),
		p("IntroPurpose"),
		p("IntroTenant"),
		heading("IntroBenefitsHeading"),
		bullet("IntroBenefitUsername"),
		during(phoneWorks, bullet("IntroBenefitMethods")),
		during(phoneRetired, bullet("IntroBenefitMethodsRetired")),
	)...)
	// The wizard shows it in three parts (issue 20, item 6), the network check on the first.
	return Screen{Key: "intro", Kind: KindIntro, TitleID: "IntroTitle", LeadID: "IntroLead",
		Blocks: blocks, Widget: WidgetNetworkCheck, Parts: []Part{
			{TitleID: "IntroPartWhat", Offers: []Offer{OfferNetCheck}},
			{TitleID: "IntroPartIssues"},
			{TitleID: "IntroAboutHeading"},
		}}
}

func address() Screen {
	return Screen{Key: "address", Kind: KindAddress, TitleID: "AddressTitle", LeadID: "AddressLead",
		Blocks: []Block{p("AddressWhy"), p("AddressPrivacy")}, Widget: WidgetAddress}
}

func numbered() []Screen {
	s := []Screen{
		{Number: 1, TitleID: "Step1Title", LeadID: "Step1Lead", Blocks: []Block{
			withEmail(screen("Step1Screen"), "Step1ScreenEmail"),
			hint("Step1Hint"),
		}},
		// Step 2 asks what the address already is, just before Microsoft's page takes it:
		// steps 3 to 5 follow the answer.
		{Number: 2, TitleID: "Step2Title", LeadID: "Step2Lead", Blocks: []Block{
			screen("Step2Screen"),
			{Kind: Paragraph, ID: "Step2PaperQuestion", PaperOnly: true},
		}, Widget: WidgetSignIn},
		// Steps 3 to 5 follow the sign-in path the client chose at step 2: the emailed code (the
		// PDF's path), or the password of the account the address already is. A client who does not
		// know reads each case as a condition ("If you see …"), never two certainties.
		{Number: 3, TitleID: "Step3Title", TitlePasswordID: "Step3TitlePassword", TitleUnsureID: "Step3TitleUnsure",
			LeadID: "Step3Lead", LeadPasswordID: "Step3LeadPassword", LeadUnsureID: "Step3LeadUnsure", Blocks: []Block{
				known(ForCode, withEmail(screen("Step3Screen"), "Step3ScreenEmail")),
				only(ForUnsure, p("Step3IfSendCode")),
				only(ForUnsure, p("Step3IfPassword")),
				paper(only(ForCode, p("Step3Timer")), "Step3TimerPaper"),
				only(ForCode, p("Step3Session")),
				ifSwitch("GoogleFederation", "unknown", only(ForCode, hint("Step3GoogleMaybe"))),
				ifSwitch("GoogleFederation", "yes", only(ForCode, hint("Step3Google"))),
				known(ForWork, p("Step3Work")),
				known(ForPersonal, p("Step3Personal")),
			}, Widget: WidgetCodeSent},
		{Number: 4, TitleID: "Step4Title", TitlePasswordID: "Step4TitlePassword", TitleUnsureID: "Step4TitleUnsure",
			LeadID: "Step4Lead", LeadPasswordID: "Step4LeadPassword", LeadUnsureID: "Step4LeadUnsure", Blocks: []Block{
				only(ForCode, screen("Step4Sender")),
				only(ForCode, screen("Step4Subject")),
				only(ForCode, screen("Step4Validity")),
				only(ForCode, hint("HintCodeNotReceived")),
				known(ForAccount, p("Step4Password")),
			}, Widget: WidgetCodeTimer},
		{Number: 5, TitleID: "Step5Title", TitlePasswordID: "Step5TitlePassword", TitleUnsureID: "Step5TitleUnsure",
			LeadID: "Step5Lead", LeadPasswordID: "Step5LeadPassword", LeadUnsureID: "Step5LeadUnsure", Blocks: []Block{
				only(ForCode, withEmail(screen("Step5Screen"), "Step5ScreenEmail")),
				only(ForCode, hint("HintCodeNotReceived")),
				only(ForCode, hint("HintCodeExpired")),
				known(ForAccount, p("Step5Password")),
			}, Widget: WidgetCodeTimer},
		// Step 6's permissions can be changed later on My Account: a work account finds DMC
		// Hosting at the seed's address, a code or personal-account guest only at the address
		// that names the tenant (Microsoft Learn, "Leave an organization as an external user").
		{Number: 6, TitleID: "Step6Title", LeadID: "Step6Lead", Parts: []Part{
			{TitleID: "Step6PartPermissions"}, {TitleID: "Step6PartAccept"},
		}, Blocks: append(part(0,
			screen("Step6Screen"),
			heading("Step6PermissionsHeading"),
			bullet("Step6Permission1"),
			bullet("Step6Permission2"),
			bullet("Step6Permission3"),
			screen("Step6Trust"),
		), part(1,
			screen("Step6Buttons"),
			p("Step6Reassure"),
			hint("Step6Cancelled"),
			known(ForWork, p("Step6Change")),
			known(ForWork, link(OrganizationsURL)),
			known(ForCode|ForPersonal, p("Step6ChangeTenant")),
			known(ForCode|ForPersonal, link(MyAccountTenantURL)),
			only(ForUnsure, p("Step6ChangeUnsureTenant")),
			only(ForUnsure, link(MyAccountTenantURL)),
			only(ForUnsure, p("Step6ChangeUnsureWork")),
			only(ForUnsure, link(OrganizationsURL)),
		)...), MainLink: MyAccountTenantURL},
		{Number: 7, TitleID: "Step7Title", LeadID: "Step7Lead", Blocks: []Block{
			withEmail(screen("Step7Screen"), "Step7ScreenEmail"),
			withEmail(p("Step7Identity"), "Step7IdentityEmail"),
		}},
		// A client whose own organization already did multifactor authentication, trusted by
		// DMC Hosting, never sees steps 8 and 9: they are done, not lost.
		{Number: 8, TitleID: "Step8Title", LeadID: "Step8Lead", Blocks: []Block{
			screen("Step8Screen"),
			hint("Step8Trusted"),
		}},
		// Step 9 is Microsoft's "Keep your account secure" wizard. Option 1's store pages follow
		// option 1 itself (issue 10, item 9); option 2's words depend on the day (assets/smsvoice.toml).
		// The wizard shows it in six parts (issue 20, item 6), each rehearsal on the part it belongs to.
		{Number: 9, TitleID: "Step9Title", LeadID: "Step9Lead", Blocks: step9Blocks(), Widget: WidgetMFAOptions,
			Parts: []Part{
				{TitleID: "Step9PartInstall", Offers: []Offer{OfferStores}},
				{TitleID: "Step9PartAdd"},
				{TitleID: "Step9PartOther", Offers: []Offer{OfferPractice}},
				{TitleID: "Step9PartPhone", Offers: []Offer{OfferPhone}},
				{TitleID: "Step9PartPhoneNotes"},
				{TitleID: "Step9PartAfter", Offers: []Offer{OfferTrusted}},
			}},
	}
	for i := range s {
		s[i].Kind = KindStep
		s[i].Key = fmt.Sprintf("step%d", s[i].Number)
	}
	return s
}

func step9Blocks() []Block {
	b := part(0,
		screen("Step9Screen"),
		heading("Step9Option1Heading"),
		p("Step9Option1"),
		p("Step9GetApp"),
	)
	for _, st := range Stores() {
		b = append(b, Block{Kind: StorePage, ID: st.DeviceID, Text: st.Name, URL: st.URL})
	}
	b = append(b, part(1,
		bullet("Step9App1"),
		bullet("Step9App2"),
		bullet("Step9App2Scan"),
		bullet("Step9App3"),
	)...)
	b = append(b, part(2,
		hint("Step9AppNoScan"),
		hint("Step9OtherApp"),
	)...)
	b = append(b, part(3,
		heading("Step9Option2Heading"),
		during(phoneWorks, p("Step9Option2")),
		during(phoneWorks, screen("Step9Option2Screen")),
		during(phoneWorks, p("Step9CallAnswer")),
	)...)
	b = append(b, part(4,
		during(phoneWorks, p("Step9Option2Channels")),
		during(beforeEnd, warn("Step9SMSEnds")),
		during(phoneWorks, warn("Step9MobileWarning")),
		during(phoneRetired, warn("Step9SMSEnded")),
	)...)
	// The old page of the PDF opens the last part, which so always has words, whatever the day.
	return append(b, part(5,
		p("Step9OldPage"),
		during(passkeyPrompt|phoneRetired, heading("Step9PasskeyHeading")),
		during(passkeyPrompt, p("Step9Passkey")),
		during(passkeyPrompt, p("Step9PasskeyChoose")),
		during(phoneRetired, p("Step9PasskeyRequired")),
	)...)
}

func finish() Screen {
	return Screen{Key: "finish", Kind: KindFinish, TitleID: "FinishTitle", LeadID: "FinishLead",
		Blocks: []Block{
			p("FinishNext"),
			heading("FinishPriority"),
			paper(p("FinishComeBack"), "FinishComeBackPaper"),
			heading("FinishEmailHeading"),
			p("FinishEmailBody"),
			{Kind: Contact, ID: "ContactEmailLabel", Text: SupportEmail, URL: "mailto:" + SupportEmail},
			heading("FinishPhoneHeading"),
			p("FinishPhoneBody"),
			{Kind: Contact, ID: "ContactPhoneLabel", Text: SupportPhone, URL: SupportPhoneURI},
		}}
}
