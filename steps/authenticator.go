package steps

// The official store pages of Microsoft Authenticator. A client who searches the store by name
// may pick a look-alike app; these addresses (and the QR codes the wizard draws from them) lead
// to Microsoft's own listing.
const (
	AppStoreURL   = "https://apps.apple.com/app/microsoft-authenticator/id983156458"
	PlayStoreURL  = "https://play.google.com/store/apps/details?id=com.azure.authenticator"
	AppStoreName  = "App Store"
	PlayStoreName = "Google Play"
)

// AuthenticatorLabels are the words Microsoft Authenticator shows (in English) on the screens a
// client goes through to add an account, quoted by the practice enrolment's messages like the
// labels of Facts. Apps set to French show their own translation, which the French messages
// give beside them.
func AuthenticatorLabels() map[string]any {
	return map[string]any{
		"AppStore":      AppStoreName,
		"PlayStore":     PlayStoreName,
		"OtherAccount":  "Other account",
		"WorkAccount":   "Work or school account",
		"ScanQR":        "Scan a QR code",
		"EnterManually": "Or enter code manually",
		"RemoveAccount": "Remove account",
		"Authenticator": AuthenticatorName,
	}
}
