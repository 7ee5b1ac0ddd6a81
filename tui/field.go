package tui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// field is a text input shared by the copies of the model until one of them changes it, which
// then changes its own copy. A textinput.Model is 8 KB and Bubble Tea copies the model at every
// message: three inputs held by value made each key of a long paste copy 24 KB more.
type field struct{ in *textinput.Model }

func newField(in textinput.Model) field { return field{&in} }

// with returns the field changed by change, on a copy.
func (f field) with(change func(*textinput.Model)) field {
	c := *f.in
	change(&c)
	return field{&c}
}

func (f field) Update(msg tea.Msg) (field, tea.Cmd) {
	c := *f.in
	c, cmd := c.Update(msg)
	cleanInput(&c)
	return field{&c}, cmd
}

func (f field) Focus() (field, tea.Cmd) {
	var cmd tea.Cmd
	return f.with(func(in *textinput.Model) { cmd = in.Focus(); in.CursorEnd() }), cmd
}

func (f field) Blur() field { return f.with(func(in *textinput.Model) { in.Blur() }) }

func (f field) SetValue(v string) field {
	return f.with(func(in *textinput.Model) { in.SetValue(v); cleanInput(in); in.CursorEnd() })
}

func (f field) Value() string         { return f.in.Value() }
func (f field) Position() int         { return f.in.Position() }
func (f field) Focused() bool         { return f.in.Focused() }
func (f field) Width() int            { return f.in.Width() }
func (f field) copy() textinput.Model { return *f.in }
