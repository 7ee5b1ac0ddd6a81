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

func intro() Screen {
	blocks := []Block{
		p("IntroPurpose"),
		p("IntroTenant"),
		heading("IntroIssuesHeading"),
		warn("IntroIssuePassword"),
		warn("IntroIssueAlias"),
		withEmail(warn("IntroIssueIdentity"), "IntroIssueIdentityEmail"),
		warn("IntroIssueFirewall"),
	}
	for _, u := range FirewallURLs {
		blocks = append(blocks, link(u))
	}
	blocks = append(blocks,
		heading("IntroBenefitsHeading"),
		bullet("IntroBenefitUsername"),
		bullet("IntroBenefitMethods"),
	)
	return Screen{Key: "intro", Kind: KindIntro, TitleID: "IntroTitle", LeadID: "IntroLead",
		Blocks: blocks, Widget: WidgetNetworkCheck}
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
		{Number: 2, TitleID: "Step2Title", LeadID: "Step2Lead", Blocks: []Block{
			screen("Step2Screen"),
		}},
		{Number: 3, TitleID: "Step3Title", LeadID: "Step3Lead", Blocks: []Block{
			withEmail(screen("Step3Screen"), "Step3ScreenEmail"),
			p("Step3Timer"),
		}, Widget: WidgetCodeSent},
		{Number: 4, TitleID: "Step4Title", LeadID: "Step4Lead", Blocks: []Block{
			screen("Step4Sender"),
			screen("Step4Subject"),
			screen("Step4Validity"),
			hint("HintCodeNotReceived"),
		}, Widget: WidgetCodeTimer},
		{Number: 5, TitleID: "Step5Title", LeadID: "Step5Lead", Blocks: []Block{
			withEmail(screen("Step5Screen"), "Step5ScreenEmail"),
			hint("HintCodeNotReceived"),
			hint("HintCodeExpired"),
		}, Widget: WidgetCodeTimer},
		{Number: 6, TitleID: "Step6Title", LeadID: "Step6Lead", Blocks: []Block{
			screen("Step6Screen"),
			heading("Step6PermissionsHeading"),
			bullet("Step6Permission1"),
			bullet("Step6Permission2"),
			bullet("Step6Permission3"),
			warn("Step6Privacy"),
			p("Step6Change"),
			link(OrganizationsURL),
		}, MainLink: OrganizationsURL},
		{Number: 7, TitleID: "Step7Title", LeadID: "Step7Lead", Blocks: []Block{
			withEmail(screen("Step7Screen"), "Step7ScreenEmail"),
			withEmail(p("Step7Identity"), "Step7IdentityEmail"),
		}},
		{Number: 8, TitleID: "Step8Title", LeadID: "Step8Lead", Blocks: []Block{
			screen("Step8Screen"),
		}},
		{Number: 9, TitleID: "Step9Title", LeadID: "Step9Lead", Blocks: []Block{
			heading("Step9Option1Heading"),
			p("Step9Option1"),
			heading("Step9Option2Heading"),
			p("Step9Option2"),
			screen("Step9Option2Screen"),
			warn("Step9MobileWarning"),
		}, Widget: WidgetMFAOptions},
	}
	for i := range s {
		s[i].Kind = KindStep
		s[i].Key = fmt.Sprintf("step%d", s[i].Number)
	}
	return s
}

func finish() Screen {
	return Screen{Key: "finish", Kind: KindFinish, TitleID: "FinishTitle", LeadID: "FinishLead",
		Blocks: []Block{
			heading("FinishEmailHeading"),
			p("FinishEmailBody"),
			{Kind: Contact, ID: "ContactEmailLabel", Text: SupportEmail, URL: "mailto:" + SupportEmail},
			heading("FinishPhoneHeading"),
			p("FinishPhoneBody"),
			{Kind: Contact, ID: "ContactPhoneLabel", Text: SupportPhone, URL: SupportPhoneURI},
		}}
}
