package probe

import (
	"bytes"
	"net/http"
	"strings"
)

// lenient407 reads a proxy's 407 whose head Go's parser refuses (a control character in a
// realm, a header line without a colon): it is still a request to sign in, and its
// Proxy-Authenticate headers still say how, which is what browsers act on. head is what was
// read of the answer (at most MaxHeaderBytes); nil when it is not a 407. The connection is not
// reused after it (Close): where its body ends is not known.
func lenient407(head []byte) *http.Response {
	if end := bytes.Index(head, []byte("\n\r\n")); end >= 0 {
		head = head[:end+1]
	} else if end := bytes.Index(head, []byte("\n\n")); end >= 0 {
		head = head[:end+1]
	} else if end := bytes.LastIndexByte(head, '\n'); end >= 0 {
		head = head[:end+1] // the complete lines read so far
	} else {
		return nil
	}
	lines := strings.Split(strings.TrimRight(string(head), "\r\n"), "\n")
	status := strings.Fields(lines[0])
	if len(status) < 2 || !strings.HasPrefix(status[0], "HTTP/1.") || status[1] != "407" {
		return nil
	}
	resp := &http.Response{StatusCode: http.StatusProxyAuthRequired, Status: "407 Proxy Authentication Required",
		Proto: status[0], ProtoMajor: 1, Header: http.Header{}, Body: http.NoBody, ContentLength: -1, Close: true}
	for _, l := range lines[1:] {
		name, value, ok := strings.Cut(strings.TrimRight(l, "\r"), ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Proxy-Authenticate") {
			resp.Header.Add("Proxy-Authenticate", strings.TrimSpace(value))
		}
	}
	return resp
}
