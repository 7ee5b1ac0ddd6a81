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

// Store is one store page of Microsoft Authenticator.
type Store struct {
	Name     string // the store's own name, the same in every language
	URL      string
	DeviceID string // the message naming the phones it serves, such as "(iPhone)"
}

// Stores are the store pages in the order every mode lists them. A function rather than a
// variable, so no caller can change what another one shows.
func Stores() []Store {
	return []Store{
		{AppStoreName, AppStoreURL, "Step9StoreIPhone"},
		{PlayStoreName, PlayStoreURL, "Step9StoreAndroid"},
	}
}

// AuthenticatorLabels are the words Microsoft Authenticator shows on the screens a client goes
// through to add an account, quoted by the practice enrolment's messages. They come from the facts
// ledger like every other label (Facts holds them too); only those a source gives are here.
func AuthenticatorLabels() map[string]any {
	d := Facts()
	out := map[string]any{}
	for _, k := range []string{"AppStore", "PlayStore", "OtherAccount", "WorkAccount", "AddWorkAccount",
		"AddAccount", "ScanQR", "EnterManually", "Authenticator"} {
		out[k] = d[k]
	}
	return out
}
