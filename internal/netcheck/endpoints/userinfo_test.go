package endpoints_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// Issue 19 item 11: a proxy's URL with its credentials put in the list was called "not an
// https address", though its scheme is the proxy's and the problem is the credentials. It is
// said as such, password hidden.
func TestAddressWithCredentialsIsSaidAsSuch(t *testing.T) {
	for _, u := range []string{"http://alice:s3cret@proxy.corp:3128", "https://alice:p#ss@login.example", "http://bob@proxy.corp"} {
		_, err := endpoints.Parse([]byte("[[group]]\nid = \"a\"\n\n[[group.endpoint]]\nurl = \""+u+"\"\n"), "list.toml")
		var fe *endpoints.FileError
		if !errors.As(err, &fe) || fe.Problem != endpoints.ProblemUserInfo {
			t.Errorf("%s: %v, want ProblemUserInfo", u, err)
			continue
		}
		if strings.Contains(fe.Error(), "s3cret") || strings.Contains(fe.Error(), "p#ss") {
			t.Errorf("%s: the password is shown: %v", u, fe)
		}
	}
	_, err := endpoints.Parse([]byte("[[group]]\nid = \"a\"\n\n[[group.endpoint]]\nurl = \"ftp://files.example\"\n"), "list.toml")
	var fe *endpoints.FileError
	if !errors.As(err, &fe) || fe.Problem != endpoints.ProblemURL {
		t.Errorf("ftp: %v, want ProblemURL", err)
	}
}
