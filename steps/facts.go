package steps

// Facts are the names, addresses and on-screen labels the messages quote. They are the same in
// both languages: Microsoft's pages in the guide show these English labels, and the invitation
// email's button is in French, so a client must look for exactly these words.
func Facts() map[string]any {
	return map[string]any{
		"CreateAccount":   "Créer un compte",
		"SendCode":        "Send code",
		"SignIn":          "Sign in",
		"Accept":          "Accept",
		"Next":            "Next",
		"TryAgain":        "try again",
		"EnterCode":       "Enter code",
		"JustSent":        "We just sent a code to",
		"MoreInfo":        "More information required",
		"PermissionBy":    "Permission requested by:",
		"Perm1":           "Receive your profile data",
		"Perm2":           "Collect and log your activity",
		"Perm3":           "Use your profile data and activity data",
		"NoPrivacy":       "DMCHosting has not provided a link to their privacy statement for you to review.",
		"SecurityPage":    "Additional security verification",
		"HowContact":      "Step 1: How should we contact you?",
		"AuthPhone":       "Authentication phone",
		"Country":         "Canada (+1)",
		"TextMethod":      "Send me a code by text message",
		"CallMethod":      "Call me",
		"CodeHeading":     "Account verification code",
		"Tenant":          "DMC Hosting",
		"TenantAccount":   "DMCHosting",
		"TenantDomain":    "dmchosting.ca",
		"InviteSender":    InviteSender,
		"CodeSenderName":  "DMCHosting (via Microsoft)",
		"CodeSender":      CodeSender,
		"CodeSubject":     "Your DMCHosting account verification code",
		"CodeMinutes":     CodeValidMinutes,
		"IdentityExample": IdentityExample,
		"Authenticator":   AuthenticatorName,
		"SupportEmail":    SupportEmail,
		"SupportPhone":    SupportPhone,
		"StepCount":       StepCount,
		"Cmd":             "auvenir-onboard",
		"PrintFlag":       "--print",
		"HelpFlag":        "--help",
		"LangFlag":        "--lang",
		"StepFlag":        "--step",
		"PEM":             "PEM",
	}
}
