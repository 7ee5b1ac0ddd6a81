package probe

import (
	"crypto/tls"
	"errors"
	"net"
	"reflect"
	"strconv"
	"strings"
)

// alertNames are the TLS alerts by number, spelled as RFC 8446 section 6 spells them.
var alertNames = map[uint64]string{
	0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 22: "record_overflow",
	40: "handshake_failure", 42: "bad_certificate", 43: "unsupported_certificate",
	44: "certificate_revoked", 45: "certificate_expired", 46: "certificate_unknown",
	47: "illegal_parameter", 48: "unknown_ca", 49: "access_denied", 50: "decode_error",
	51: "decrypt_error", 70: "protocol_version", 71: "insufficient_security", 80: "internal_error",
	86: "inappropriate_fallback", 90: "user_canceled", 109: "missing_extension",
	110: "unsupported_extension", 112: "unrecognized_name", 113: "bad_certificate_status_response",
	115: "unknown_psk_identity", 116: "certificate_required", 120: "no_application_protocol",
}

// remoteAlert is the name of the alert the peer sent, if err is one. crypto/tls reports a
// received alert as a net.OpError "remote error" around its unexported alert type, a uint8.
func remoteAlert(err error) string {
	var oe *net.OpError
	if !errors.As(err, &oe) || oe.Op != "remote error" || oe.Err == nil {
		return ""
	}
	if v := reflect.ValueOf(oe.Err); v.Kind() == reflect.Uint8 {
		if name, ok := alertNames[v.Uint()]; ok {
			return name
		}
		return "alert_" + strconv.FormatUint(v.Uint(), 10)
	}
	var ae tls.AlertError
	if errors.As(oe.Err, &ae) {
		return strings.ReplaceAll(strings.TrimPrefix(ae.Error(), "tls: "), " ", "_")
	}
	return ""
}

// HasNetwork reports whether this computer has an interface that is up, not loopback, with an
// address that can reach past the local link.
func HasNetwork() bool {
	ifs, err := net.Interfaces()
	if err != nil {
		return true // unknown: do not claim offline
	}
	for _, i := range ifs {
		if i.Flags&net.FlagUp == 0 || i.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := i.Addrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.IsGlobalUnicast() {
				return true
			}
		}
	}
	return false
}
