package steps

// Facts are the names, addresses and on-screen labels the messages quote. They are the same in
// both languages: Microsoft's pages in the guide show these English labels (Microsoft's French
// labels could not be found in Microsoft's documentation, so the French messages quote the
// English ones and say what they mean), and the invitation email's button is in French, so a
// client must look for exactly these words.
//
// Sources, by the comment tag after each label:
//   - seed: the PDF guide (screenshots of about May 2023).
//   - otp: Learn, "Email one-time passcode authentication" (docs/external-id/one-time-passcode.md).
//   - redeem: Learn, "B2B collaboration invitation redemption" (docs/external-id/redemption-experience.md).
//   - signin: Learn (user help), "Set up your Security info from a sign-in prompt"
//     (MicrosoftDocs/azure-docs, articles/active-directory/user-help/security-info-setup-signin.md).
//   - combined: Learn, "Combined security information registration for Microsoft Entra overview"
//     (docs/identity/authentication/concept-registration-mfa-sspr-combined.md).
//   - text, call: Learn (user help), "Set up text messaging as your verification method" and
//     "Set up security info to use phone calls" (articles/active-directory/user-help/
//     security-info-setup-text-msg.md, security-info-setup-phone-number.md).
//   - errors: Learn, "Microsoft Entra authentication and authorization error codes"
//     (docs/identity-platform/reference-error-codes.md), its sample error response.
func Facts() map[string]any {
	return map[string]any{
		"CreateAccount": "Créer un compte", // seed: the invitation email's button
		"SendCode":      "Send code",       // seed, otp
		"SignIn":        "Sign in",         // seed
		"Accept":        "Accept",          // seed, redeem
		"Cancel":        "Cancel",          // seed: step 6's other button
		"Next":          "Next",            // seed, signin
		"TryAgain":      "try again",       // seed
		"EnterCode":     "Enter code",      // seed
		"JustSent":      "We just sent a code to",
		// The page after consent. signin describes it as "a prompt that asks you to provide more
		// information", then "After you select Next from the prompt"; the title is the issue's
		// reading of today's page.
		"MoreInfo":     "More information required",
		"PermissionBy": "Permission requested by:",                        // seed
		"Perm1":        "Receive your profile data",                       // seed
		"Perm2":        "Collect and log your activity",                   // seed
		"Perm3":        "Use your profile data and activity data",         // seed
		"Trust":        "You should only accept if you trust DMCHosting.", // seed
		"NoPrivacy":    "DMCHosting has not provided a link to their privacy statement for you to review.",
		// The legacy page the PDF shows on step 9 (seed); combined registration replaced it.
		"SecurityPage": "Additional security verification",
		"HowContact":   "Step 1: How should we contact you?",
		"AuthPhone":    "Authentication phone",
		"Country":      "Canada (+1)",
		"TextMethod":   "Send me a code by text message",
		"CallMethod":   "Call me",
		"Charges":      "Standard telephone and SMS charges will apply.", // seed
		// Learn, "Phone authentication methods" (docs/identity/authentication/
		// concept-authentication-phone-options.md): "Text messages can be sent over channels
		// such as Short Message Service (SMS), Rich Communication Services (RCS), or WhatsApp."
		"TextChannels": "SMS, RCS, WhatsApp",
		// Today's wizard (signin, combined, text, call).
		"KeepSecure":      "Keep your account secure",                    // signin
		"DownloadNow":     "Download now",                                // signin
		"SetUpAccount":    "Set up your account",                         // signin
		"ScanPage":        "Scan the QR code",                            // signin: the page's title
		"DifferentApp":    "I want to use a different authenticator app", // signin
		"DifferentMethod": "I want to set up a different method",         // signin, combined
		"PhoneMethod":     "Phone",                                       // signin, text
		"TextMe":          "Text me a code",                              // text
		"CallMe":          "Call me",                                     // call
		"Done":            "Done",                                        // signin
		"WorkAccount":     "Work or school account",                      // signin: in the app
		"CodeHeading":     "Account verification code",
		"Tenant":          "DMC Hosting",
		"TenantAccount":   "DMCHosting",
		"TenantDomain":    "dmchosting.ca",
		"InviteSender":    InviteSender,
		"CodeSenderName":  "DMCHosting (via Microsoft)",
		"CodeSender":      CodeSender,
		"CodeSubject":     "Your DMCHosting account verification code",
		"CodeMinutes":     CodeValidMinutes, // seed, otp: "valid for 30 minutes"
		"SessionHours":    24,               // otp: "User sessions expire after 24 hours"
		"IdentityExample": IdentityExample,
		"Authenticator":   AuthenticatorName,
		"SupportEmail":    SupportEmail,
		"SupportPhone":    SupportPhone,
		"StepCount":       StepCount,
		// The details of an error page support asks for (errors).
		"AADSTS":           "AADSTS", // errors: the prefix of every sign-in error code
		"CorrelationLabel": "Correlation ID",
		"TimestampLabel":   "Timestamp",
		"Cmd":              "auvenir-onboard",
		"PrintFlag":        "--print",
		"PlainFlag":        "--plain",
		"HelpFlag":         "--help",
		"LangFlag":         "--lang",
		"StepFlag":         "--step",
		"ExplainFlag":      "--explain",
		"PEM":              "PEM",
	}
}
