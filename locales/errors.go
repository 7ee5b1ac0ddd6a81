package locales

// Error is a refusal that explains itself in the person's language: ID is the message that says
// what went wrong and Data fills its template. Packages that check outside input (addresses,
// numbers, URIs) declare their kinds of refusal as *Error values and compare with errors.Is,
// which matches on the ID whatever the data.
type Error struct {
	ID   string
	Data map[string]any
}

func (e *Error) Error() string { return e.ID }

// Is makes errors.Is(err, ErrX) true for every refusal of kind ErrX.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.ID == e.ID
}

// Message is the refusal in z's language, one line.
func (e *Error) Message(z *Localizer) string { return z.T(e.ID, e.Data) }

// With is a refusal of the same kind carrying data for its message.
func (e *Error) With(data map[string]any) *Error { return &Error{ID: e.ID, Data: data} }
