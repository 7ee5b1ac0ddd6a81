package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// x opens the explainer in the step's place; a whole error page pasted, then Enter: the code,
// who must act and the Correlation ID show; letters are text (q does not quit); Esc goes back.
func TestExplainerPasteAndAnswer(t *testing.T) {
	m, _ := newTest(locales.French, 120, 50)
	m = press(m, "5", "x")
	if m.front() != idExplain {
		t.Fatalf("x opened %v", m.front())
	}
	mustRead(t, m, "Expliquer un message d'erreur de Microsoft", "Entrée expliquer", "Échap retour au guide")
	page := "Sorry, but we're having trouble signing you in.\nAADSTS500213: NotAllowedByInboundPolicyTenant\n" +
		"Correlation Id: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94\nTimestamp: 2026-11-29T09:55:00Z"
	m = send(m, tea.PasteMsg{Content: page})
	m = press(m, "enter")
	mustRead(t, m, "Erreur Microsoft AADSTS500213", "Qui doit agir : les administrateurs de DMC Hosting",
		"fcc0a98c-f61e-46c4-97e1-a51c69a1bb94", "2026-11-29T09:55:00Z", steps.SupportEmail)
	m = typeText(m, " q l")
	if m.front() != idExplain || m.z.Lang() != locales.French {
		t.Fatal("letters typed in the explainer acted as keys")
	}
	m = press(m, "esc")
	if m.front() != idNone || m.screen().Number != 5 {
		t.Fatalf("Esc left %v on %s", m.front(), m.screen().Key)
	}
}

// Enter on an empty field says there is nothing to explain, in one line, and what to do in the
// wizard: no command-line option, which a client in the wizard cannot use.
func TestExplainerEmpty(t *testing.T) {
	m, _ := newTest(locales.English, 100, 30)
	m = press(m, "x", "enter")
	mustRead(t, m, "No text to explain: paste the text of Microsoft's error page")
	mustNotContain(t, m, "--explain", "standard input")
}

// Step 2 asks the question; m shows the answers, ↓ and Enter choose one; step 3 then speaks of
// the password, and the answer is in the progress to save.
func TestSignInQuestionOnStep2(t *testing.T) {
	m, _ := newTest(locales.English, 80, 40)
	m = press(m, "2")
	mustRead(t, m, "Is this address already a Microsoft account?", "Press m to answer")
	m = press(m, "m")
	mustRead(t, m, "1. Yes, a work account", "4. I don't know", "Enter confirm", "Esc close the answers")
	m = press(m, "down", "enter")
	if m.walk.SignIn() != steps.SignInPersonal {
		t.Fatalf("answer %q", m.walk.SignIn())
	}
	mustRead(t, m, "Your answer: Yes, a personal Microsoft account", "Press m to change your answer.")
	mustNotContain(t, m, "Press m to answer")
	if st := m.walk.State(); st.SignIn != steps.SignInPersonal {
		t.Fatalf("progress to save: %+v", st)
	}
	m = press(m, "next")
	mustRead(t, m, "Step 3 of 9", "Microsoft asks for your account's password instead of sending a code.")
	mustNotContain(t, m, "Click the “Send code” button.", "I clicked “Send code”")
	m = press(m, "next")
	mustNotContain(t, m, "Code timer not started")
	// A number chooses at once; Esc leaves the answers without changing the answer.
	m = press(m, "2", "m", "4")
	if m.walk.SignIn() != steps.SignInUnsure || m.screen().Number != 2 {
		t.Fatalf("4 chose %q on %s", m.walk.SignIn(), m.screen().Key)
	}
	m = press(m, "m", "esc")
	if m.walk.SignIn() != steps.SignInUnsure || m.signInQ().choosing {
		t.Fatal("Esc changed the answer or left the answers open")
	}
}

// A resumed session keeps the answer: steps 3 to 5 still follow it.
func TestSignInAnswerResumes(t *testing.T) {
	st := progress.State{Version: progress.Version, Screen: "step3", Lang: locales.English, SignIn: steps.SignInWork}
	m := New(Config{Lang: locales.English, LangKnown: true, Now: (&fakeClock{t0}).now, Resume: &st})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 40})
	m = press(m, "enter")
	mustRead(t, m, "Step 3 of 9", "password you use for Microsoft 365 at work")
}

// French footers name Enter and Esc as French keyboards do.
func TestFrenchKeyNames(t *testing.T) {
	m, _ := newTest(locales.French, 100, 30)
	m = press(m, "next", "e")
	bar := screenText(m)
	bar = bar[strings.LastIndex(bar, "Aide"):]
	if !strings.Contains(bar, "Entrée") || !strings.Contains(bar, "Échap") || strings.Contains(bar, "enter ") || strings.Contains(bar, "esc ") {
		t.Fatalf("French footer:\n%s", bar)
	}
}

// In presenter mode what is pasted (an error page quotes the address) shows as dots.
func TestExplainerHidesPasteInPresenterMode(t *testing.T) {
	m := New(Config{Lang: locales.English, LangKnown: true, Now: (&fakeClock{t0}).now, Presenter: true})
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, "x")
	m = send(m, tea.PasteMsg{Content: "AADSTS50020: User account 'jane@firm.ca' from identity provider 'live.com'"})
	mustNotContain(t, m, "jane@firm.ca")
	m = press(m, "enter")
	mustNotContain(t, m, "jane@firm.ca")
	mustRead(t, m, "Microsoft error AADSTS50020")
}

// Once answered, step 2 offers to change the answer rather than asking again, and a long answer
// wraps under its own text, not under the tick (found by the screenshot pass at 80×24).
func TestSignInAnsweredReadsAsAnswered(t *testing.T) {
	for _, lang := range locales.Langs {
		m, _ := newTest(lang, 80, 40)
		m = press(m, "2", "m", "1")
		if m.walk.SignIn() != steps.SignInWork {
			t.Fatalf("%s: answer %q", lang, m.walk.SignIn())
		}
		text := screenText(m)
		ask, change := m.z.T("SignInPress", m.data()), m.z.T("SignInChange", m.data())
		if strings.Contains(squash(text), squash(ask)) || !strings.Contains(squash(text), squash(change)) {
			t.Errorf("%s: after answering, the screen still asks, or does not offer to change:\n%s", lang, text)
		}
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			if strings.Contains(l, glyphs.Done+" ") && strings.Contains(l, m.z.T("SignInAnswer", m.data())[:6]) && i+1 < len(lines) {
				tick := strings.Index(l, glyphs.Done)
				next := lines[i+1]
				if strings.TrimSpace(next) != "" && len(next)-len(strings.TrimLeft(next, " ")) <= tick {
					t.Errorf("%s: the answer's second line starts under the tick or before it:\n%s\n%s", lang, l, next)
				}
			}
		}
	}
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// On an 80×24 window the answer runs past the frame, whose hint says ↑/↓ scroll: ↓ reaches the
// Correlation ID at its end, which support asks for, and ↑ goes back to the code.
func TestExplainerAnswerScrolls(t *testing.T) {
	m, _ := newTest(locales.French, 80, 24)
	m = press(m, "9", "x")
	m = send(m, tea.PasteMsg{Content: "AADSTS50076: Due to a configuration change made by your administrator, " +
		"you must use multi-factor authentication.\nCorrelation ID: 5e2a8f61-3c4b-4f7e-9d8a-1b2c3d4e5f60\nTimestamp: 2026-11-29 13:00:00Z"})
	m = press(m, "enter")
	mustContain(t, m, "Erreur Microsoft AADSTS50076", "suite plus bas")
	mustNotContain(t, m, "5e2a8f61-3c4b-4f7e-9d8a-1b2c3d4e5f60")
	for range 30 {
		m = press(m, "down")
	}
	mustContain(t, m, "5e2a8f61-3c4b-4f7e-9d8a-1b2c3d4e5f60")
	if m.front() != idExplain {
		t.Fatalf("↓ left the explainer for %v", m.front())
	}
	for range 30 {
		m = press(m, "up")
	}
	mustContain(t, m, "Erreur Microsoft AADSTS50076")
}

// On a 60×20 window step 2's answers are below the fold: m brings them into sight, and the mark
// moved by ↓ stays in sight (↑/↓ move it, so they cannot scroll to it).
func TestSignInAnswersInSightOnASmallWindow(t *testing.T) {
	for _, lang := range locales.Langs {
		m, _ := newTest(lang, 60, 20)
		m = press(m, "2", "m")
		last := guide.SignInAnswers(m.z, m.data())[3]
		mustContain(t, m, last)
		m = press(m, "down", "down")
		var marked string
		for _, l := range strings.Split(screenText(m), "\n") {
			if strings.Contains(l, glyphs.Current) {
				marked = l
			}
		}
		if !strings.Contains(marked, "3. ") {
			t.Fatalf("%s: the marked answer is not in sight:\n%s", lang, screenText(m))
		}
	}
}

// Every key the store codes' bar shows does something, whether both codes fit, one at a time, or
// none (then the addresses show as text, and tab, which switched codes, is not offered).
func TestStoresShowNoIdleKey(t *testing.T) {
	for _, lang := range locales.Langs {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 30}, {120, 40}} {
			m, _ := newTest(lang, size[0], size[1])
			m = press(m, "9", "g")
			if m.front() != idStores {
				t.Fatalf("g opened %v", m.front())
			}
			for _, b := range m.barKeys() {
				if !b.Enabled() || b.Help().Key == "" {
					continue
				}
				next, cmd := m.Update(keyFor(b))
				if cmd == nil && next.(Model).frame == m.frame {
					t.Errorf("%s %dx%d: %q (%s) is shown and does nothing", lang, size[0], size[1], b.Help().Key, b.Help().Desc)
				}
			}
		}
	}
}

// On a 60×20 window, in presenter mode too (its big step number takes three more rows), the
// mobile number field opens in sight, and so does what it answers once Enter is pressed, though
// option 2's text goes on below them.
func TestPhoneFieldInSightOnASmallWindow(t *testing.T) {
	for _, presenter := range []bool{false, true} {
		for _, lang := range locales.Langs {
			m, _ := newWith(Config{Lang: lang, Presenter: presenter}, 60, 20)
			m = press(m, "9", "to:phone", "t")
			label := m.z.T("PhoneLabel", nil)
			mustContain(t, m, label, "╰")
			m = typeText(m, "4165551234")
			m = press(m, "enter")
			verdict := guide.PhoneVerdict(m.z, *m.phone().number, presenter)
			mustContain(t, m, "╰", strings.ReplaceAll(verdict[0].Text, "\u00a0", " "))
			if !strings.Contains(screenText(m), "↓") {
				t.Fatalf("%s presenter=%v: the text below the field is not announced:\n%s", lang, presenter, screenText(m))
			}
		}
	}
}

// s shows the countdown it starts: on 80×24, for a person unsure whether the address is a
// Microsoft account (steps 3 to 5 then say both), it was below the fold at steps 3 and 5.
func TestTimerInSightWhenStarted(t *testing.T) {
	for _, lang := range locales.Langs {
		for _, step := range []string{"3", "5"} {
			m, _ := newWith(Config{Lang: lang, Email: "jane@firm.ca"}, 80, 24)
			m = press(m, "2", "m", "4", step, "s")
			left := strings.ReplaceAll(m.z.T("TimerLeft", map[string]any{"Left": "30:00"}), "\u00a0", " ")
			mustContain(t, m, left)
		}
	}
}

// No two keys of a bar say the same thing: at step 2 with its answers open, ← and Esc both said
// « précédent » though Esc only closes the answers.
func TestNoTwoKeysOfABarSayTheSame(t *testing.T) {
	for _, lang := range locales.Langs {
		m, _ := newTest(lang, 120, 40)
		for _, keys := range [][]string{{"2", "m"}, {"5", "x"}, {"9", "to:phone", "t"}} {
			m = press(m, "esc", "esc")
			m = press(m, keys...)
			seen := map[string]string{}
			for _, b := range m.barKeys() {
				if !b.Enabled() || b.Help().Key == "" {
					continue
				}
				if k, ok := seen[b.Help().Desc]; ok && k != b.Help().Key {
					t.Errorf("%s %v: %q and %q both say %q", lang, keys, k, b.Help().Key, b.Help().Desc)
				}
				seen[b.Help().Desc] = b.Help().Key
			}
		}
	}
}
