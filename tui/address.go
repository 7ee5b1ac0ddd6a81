package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/steps"
)

// addressScreen is the field of « Your address ». It takes letters only once the client moved
// into it on purpose (e, Enter or Tab): arriving on the screen, going back to it with ← or
// resuming never opens it, so letters meant as keys can never end up in a saved address (issue
// 20, item 1). While it is open its label says it is being edited. Enter, Tab, ↓ (and → at the
// end of the text) keep the address and move on, shift+tab, ↑ (and ← at its start) go back, Esc
// cancels the edit: the address saved before comes back. A refused address stays typed, with
// why, and the person stays.
type addressScreen struct {
	input   field
	refusal string // message ID of the refusal of what is typed now; empty when none
}

// addressLimit is RFC 5321's longest path; guest.Parse refuses longer.
const addressLimit = 254

func newAddressScreen(email string) addressScreen {
	in := textinput.New()
	in.CharLimit = addressLimit
	in.SetValue(email)
	cleanInput(&in)
	return addressScreen{input: newField(in)}
}

var _ = register(idAddress, entry{widget: steps.WidgetAddress,
	make: func(Config) screen { return newAddressScreen("") }})

// In the field letters are text, so of the global keys only ctrl+c applies there.
func (s addressScreen) mode(*common) mode {
	if s.input.Focused() {
		return mode{text: true}
	}
	return mode{globals: gAll}
}

func (s addressScreen) keys(c *common) []key.Binding {
	k := c.km.field
	if s.input.Focused() {
		return []key.Binding{k.Confirm, k.Next, k.Back, k.Leave}
	}
	return []key.Binding{k.Edit}
}

func (s addressScreen) focus() (addressScreen, tea.Cmd) {
	var cmd tea.Cmd
	s.input, cmd = s.input.Focus()
	return s, cmd
}

func (s addressScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.field
	press, isKey := msg.(tea.KeyPressMsg)
	if !s.input.Focused() {
		if isKey && key.Matches(press, k.Edit) {
			if s.refusal == "" {
				s.input = s.input.SetValue(c.walk.Email()) // the walk's address is the one to change
			}
			s, cmd := s.focus()
			return s, redraw{}, cmd
		}
		return s, unchanged{}, nil
	}
	if isKey {
		atEnd := s.input.Position() == len([]rune(s.input.Value()))
		switch {
		case key.Matches(press, k.Confirm), key.Matches(press, k.Next),
			key.Matches(press, k.Right) && atEnd:
			return s.leave(1)
		case key.Matches(press, k.Back), key.Matches(press, k.Left) && s.input.Position() == 0:
			return s.leave(-1)
		case key.Matches(press, k.Leave):
			return s.cancel(c)
		}
	}
	before, pos := s.input.Value(), s.input.Position()
	if isKey && press.Text != "" && utf8.RuneCountInString(before) >= addressLimit {
		// A letter past the limit, as a pasted page brings thousands of: nothing to do, and
		// not even the field's own work of scrolling its 254 characters.
		return s, unchanged{}, nil
	}
	if s.input.Width() != fieldWidth(c) {
		// The field scrolls its text as it is typed, by the width it has when the key comes.
		s.input = s.input.with(func(in *textinput.Model) { in.SetWidth(fieldWidth(c)) })
	}
	next, cmd := s.input.Update(msg)
	if next.Value() == before && next.Position() == pos {
		// A letter past the limit, as a pasted page brings thousands of: nothing to redraw.
		return s, unchanged{}, cmd
	}
	s.input = next
	if s.input.Value() != before {
		s.refusal = "" // it spoke of other text
	}
	return s, redraw{}, cmd
}

// cancel closes the field without keeping what was typed: the address saved before (if any)
// is shown again, and nothing is saved.
func (s addressScreen) cancel(c *common) (screen, action, tea.Cmd) {
	s.input = s.input.SetValue(c.walk.Email()).Blur()
	s.refusal = ""
	return s, addressLeft{email: c.walk.Email(), move: 0, keep: true}, nil
}

// leave checks what is typed and leaves the field towards move: a valid address (or none) is
// kept and the person moves; a refused one stays, said why. esc (move 0) leaves the field even
// then, keeping the text to fix later.
func (s addressScreen) leave(move int) (screen, action, tea.Cmd) {
	addr, refusal := guide.CheckAddress(strings.TrimSpace(s.input.Value()))
	s.refusal = refusal
	switch {
	case refusal != "" && move == 1:
		return s, redraw{}, nil // moving on without the address meant would surprise: say why
	case refusal != "":
		// Back: the text stays to fix, and nothing of it is kept as the address. The field
		// closes: coming back to it must not put keys into it.
		s.input = s.input.Blur()
		return s, addressLeft{email: "", move: move, keep: true}, nil
	}
	s.input = s.input.SetValue(addr).Blur()
	return s, addressLeft{email: addr, move: move}, nil
}

func (s addressScreen) view(c *common, w, _ int) string {
	st := c.st
	in := s.input.copy()
	if !s.input.Focused() && s.refusal == "" {
		in.SetValue(c.walk.Email()) // closed, the field shows the address the walk holds
	}
	in.SetWidth(fieldWidth(c))
	in.Placeholder = c.z.T("AddressPlaceholder")
	in.SetStyles(st.Input)
	// Presenter mode hides what is typed: the client may type while the screen is shared.
	if c.presenter {
		in.EchoMode, in.EchoCharacter = textinput.EchoPassword, '•'
	}
	label := st.Bold.Render(c.z.T("AddressLabel"))
	if s.input.Focused() {
		label += " " + st.Warning.Render(c.z.T("AddressEditing"))
	}
	out := []string{label, st.Box.Render(in.View())}
	// While a new address is being typed, nothing is said of the old one.
	if typing := s.input.Focused() && s.input.Value() != "" && s.input.Value() != c.walk.Email(); !typing || s.refusal != "" {
		out = append(out, styleLines(c, guide.AddressLines(c.z, c.walk.Email(), s.refusal, c.presenter), w)...)
	}
	hint := "AddressTypeHint"
	if !s.input.Focused() {
		hint = "AddressFocusHint"
	}
	return strings.Join(append(out, "", fill(st.Muted, c.z.T(hint, c.data()), w)), "\n")
}

// fieldWidth is the address field's: 50 cells, less in a narrow window, inside its box.
func fieldWidth(c *common) int { return max(10, min(50, c.mainWidth()-6)) }

// styleLines gives each line of words its look: the one place the TUI styles guide.Line.
func styleLines(c *common, lines []guide.Line, w int) []string {
	st := c.st
	var out []string
	for _, l := range lines {
		switch l.Tone {
		case guide.Good:
			out = append(out, hanging(st.Success.Render(glyphs.Done), st.Success, l.Text, w))
		case guide.Bad:
			out = append(out, fill(st.Error, l.Text, w))
		case guide.Caution:
			out = append(out, hanging(st.WarningMark.Render(glyphs.Warn), st.Warning, l.Text, w))
		case guide.Quiet:
			out = append(out, fill(st.Muted, l.Text, w))
		case guide.Value:
			out = append(out, fill(st.Contact, l.Text, w))
		case guide.Item:
			out = append(out, hanging(st.accent.Render(glyphs.Bullet), st.Text, l.Text, w))
		case guide.Subhead:
			out = append(out, "", fill(st.SubHeading, l.Text, w))
		default:
			out = append(out, fill(st.Text, l.Text, w))
		}
	}
	return out
}
