package proxy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/fileurl"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// ReadPAC reads a PAC script from a file, a file:// URL or an http(s) URL, within timeout,
// up to MaxPACSize. The script is fetched directly: it is what tells which proxy to use.
func ReadPAC(ctx context.Context, location string, timeout time.Duration) ([]byte, error) {
	u, err := url.Parse(location)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		return fetchPAC(ctx, u, timeout)
	}
	path := location
	if err == nil && u.Scheme == "file" {
		// RFC 8089: file:///C:/proxy.pac and file://server/share/proxy.pac on Windows.
		if path, err = fileurl.Path(u, runtime.GOOS); err != nil {
			return nil, err
		}
	}
	// Stat before open: a FIFO is refused at once instead of blocking until a writer comes.
	src, err := endpoints.ReadBounded(path, MaxPACSize)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(string(src)) == "" {
		return nil, errors.New("empty")
	}
	return src, nil
}

func fetchPAC(ctx context.Context, u *url.URL, timeout time.Duration) ([]byte, error) {
	if u.User != nil {
		return nil, errors.New("a user name or password in the address")
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/x-ns-proxy-autoconfig, */*")
	client := &http.Client{Transport: &http.Transport{Proxy: nil, ResponseHeaderTimeout: timeout,
		MaxResponseHeaderBytes: 64 << 10}}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is said by the message around it
		}
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	return readLimited(resp.Body)
}

func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxPACSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxPACSize {
		return nil, fmt.Errorf("larger than %d KiB", MaxPACSize>>10)
	}
	if strings.TrimSpace(string(b)) == "" {
		return nil, errors.New("empty")
	}
	return b, nil
}
