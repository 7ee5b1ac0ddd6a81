package locales

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorMatchesByKindAndSpeaksBothLanguages(t *testing.T) {
	kind := &Error{ID: "ErrBadStep"}
	err := fmt.Errorf("wrapped: %w", kind.With(map[string]any{"Value": "12", "StepFlag": "--step"}))
	if !errors.Is(err, kind) || errors.Is(err, &Error{ID: "ErrBadLang"}) {
		t.Fatal("errors.Is does not match on the message ID")
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal("errors.As")
	}
	if got := e.Message(New(English)); got != "invalid value for --step: “12” (use a number from 1 to 9)" {
		t.Fatalf("en = %q", got)
	}
	if got := e.Message(New(French)); got != "valeur non valide pour --step\u00a0: «\u00a012\u00a0» (utilisez un nombre de 1 à 9)" {
		t.Fatalf("fr = %q", got)
	}
}
