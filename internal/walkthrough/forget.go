package walkthrough

import (
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Forgetting saved progress loses what the client told the guide. Before it, every view names
// what will be lost and asks, default No (issue 20, item 2): these are the words, the same in
// the wizard and in the plain mode.

// Losses names what forgetting st would delete, one line each, in z's language. data is the
// view's template data (masked in presenter mode: the address is shown as the view shows it).
func Losses(z *locales.Localizer, st progress.State, data map[string]any, presenter bool) []string {
	var out []string
	screens := steps.All()
	if i := steps.ByKey(screens, st.Screen); i >= 0 {
		out = append(out, z.T("ForgetPlace", guide.With(data, "Place", guide.ResumeOffer(z, screens[i], data).Place)))
	}
	if st.Email != "" {
		out = append(out, z.T("ForgetEmail", guide.With(data, "Email", guide.Shown(st.Email, presenter)["Email"])))
	}
	if st.SignIn != steps.SignInUnanswered {
		out = append(out, z.T("ForgetSignIn", guide.With(data, "Answer", z.T(st.SignIn.LabelID(), data))))
	}
	if st.TimerStarted() {
		out = append(out, z.T("ForgetTimer", data))
	}
	if st.MFA != progress.MFAUnset {
		out = append(out, z.T("ForgetMFA", data))
	}
	return out
}
