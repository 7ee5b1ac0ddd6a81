//go:build darwin

package proxy

import (
	"context"
	"os/exec"
	"time"
)

// SystemProxySettings reads macOS's network settings with "scutil --proxy", which prints the
// settings of the active network service as Safari and Chrome use them.
func SystemProxySettings() (SystemProxy, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "/usr/sbin/scutil", "--proxy").Output()
	if err != nil {
		return SystemProxy{}, err
	}
	return ParseScutil(string(out))
}
