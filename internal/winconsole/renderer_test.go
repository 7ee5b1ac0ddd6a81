package winconsole

import (
	"slices"
	"testing"
)

func TestRendererEnviron(t *testing.T) {
	base := []string{"PATH=/bin", "LANG=fr_CA.UTF-8"}
	if got := RendererEnviron("windows", base); !slices.Contains(got, "TERM="+windowsConsoleTerm) {
		t.Errorf("Windows without TERM: %q", got)
	}
	if got := RendererEnviron("windows", []string{"TERM="}); !slices.Contains(got, "TERM="+windowsConsoleTerm) {
		t.Errorf("Windows with an empty TERM: %q", got)
	}
	if got := RendererEnviron("windows", []string{"TERM=xterm-kitty"}); !slices.Equal(got, []string{"TERM=xterm-kitty"}) {
		t.Errorf("a TERM already set (mintty, an SSH session) must stay: %q", got)
	}
	if got := RendererEnviron("linux", base); !slices.Equal(got, base) {
		t.Errorf("Linux: %q", got)
	}
	RendererEnviron("windows", base[:1:1])
	if len(base) != 2 || base[1] != "LANG=fr_CA.UTF-8" {
		t.Errorf("the caller's slice changed: %q", base)
	}
}
