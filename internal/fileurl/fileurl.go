// Package fileurl turns a file: URL into the name of the file it points to, as RFC 8089 says,
// on Windows as elsewhere. Windows writes a local PAC address as file:///C:/proxy.pac (the
// drive in the path) and a file on a share as file://server/share/proxy.pac (the server as
// the URL's host): the URL's path alone, "/C:/proxy.pac", is no file name there, and a share
// is not a path at all. The system is a parameter, so every case is tested on every system.
package fileurl

import (
	"errors"
	"net/url"
	"strings"
)

// ErrRemote is a file: URL on another computer, which only Windows can open (as a share).
var ErrRemote = errors.New("a file on another computer")

// ErrNotFile is a URL whose scheme is not file, or with no path.
var ErrNotFile = errors.New("not a file: URL")

// Path is the file name u points to on the system goos.
//
//   - file:///etc/proxy.pac and file://localhost/etc/proxy.pac: /etc/proxy.pac (RFC 8089 §2:
//     an empty host or "localhost" is this computer);
//   - on Windows, file:///C:/proxy.pac, file:/C:/proxy.pac, file://localhost/C:/proxy.pac and
//     the older file:///C|/proxy.pac: C:\proxy.pac (§E.2);
//   - on Windows, file://server/share/proxy.pac and file:////server/share/proxy.pac (§E.3):
//     \\server\share\proxy.pac; elsewhere a host other than localhost is refused.
//
// Percent-escapes are decoded (file:///C:/Program%20Files/x.pac).
func Path(u *url.URL, goos string) (string, error) {
	if !strings.EqualFold(u.Scheme, "file") || u.Opaque != "" || u.Path == "" {
		return "", ErrNotFile
	}
	host, p := u.Host, u.Path
	if strings.EqualFold(host, "localhost") {
		host = ""
	}
	if goos != "windows" {
		if host != "" {
			return "", ErrRemote
		}
		return p, nil
	}
	if host == "" && strings.HasPrefix(p, "//") {
		// file:////server/share/x: the UNC name written whole in the path.
		rest := strings.TrimLeft(p, "/")
		if i := strings.IndexByte(rest, '/'); i > 0 {
			host, p = rest[:i], rest[i:]
		}
	}
	if host != "" {
		return `\\` + host + strings.ReplaceAll(p, "/", `\`), nil
	}
	// "/C:/x" or "/C|/x": a drive letter after the first slash.
	if len(p) >= 3 && p[0] == '/' && isLetter(p[1]) && (p[2] == ':' || p[2] == '|') && (len(p) == 3 || p[3] == '/') {
		p = p[1:2] + ":" + p[3:]
		if len(p) == 2 {
			p += "/"
		}
	}
	return strings.ReplaceAll(p, "/", `\`), nil
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
