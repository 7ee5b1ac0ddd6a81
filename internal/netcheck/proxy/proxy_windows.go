//go:build windows

package proxy

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// WinHTTP, the Windows HTTP service that reads the current user's Internet settings (those of
// Edge, Chrome and the Windows settings app) and evaluates their automatic configuration:
// https://learn.microsoft.com/windows/win32/api/winhttp/nf-winhttp-winhttpgetieproxyconfigforcurrentuser
// https://learn.microsoft.com/windows/win32/api/winhttp/nf-winhttp-winhttpgetproxyforurl
var (
	winhttp                   = windows.NewLazySystemDLL("winhttp.dll")
	procGetIEProxyConfig      = winhttp.NewProc("WinHttpGetIEProxyConfigForCurrentUser")
	procWinHttpOpen           = winhttp.NewProc("WinHttpOpen")
	procWinHttpGetProxyForUrl = winhttp.NewProc("WinHttpGetProxyForUrl")
	procWinHttpSetTimeouts    = winhttp.NewProc("WinHttpSetTimeouts")
	procGlobalFree            = windows.NewLazySystemDLL("kernel32.dll").NewProc("GlobalFree")
	errWinHTTPNoProc          = errors.New("winhttp.dll lacks the proxy functions")
)

const (
	winhttpAccessTypeNoProxy    = 1
	winhttpAccessTypeNamedProxy = 3
	winhttpAutoProxyAutoDetect  = 0x1
	winhttpAutoProxyConfigURL   = 0x2
	winhttpAutoDetectDHCP       = 0x1
	winhttpAutoDetectDNSA       = 0x2
)

// WINHTTP_CURRENT_USER_IE_PROXY_CONFIG
type ieProxyConfig struct {
	autoDetect    int32
	autoConfigURL *uint16
	proxy         *uint16
	proxyBypass   *uint16
}

// WINHTTP_AUTOPROXY_OPTIONS
type autoProxyOptions struct {
	flags                 uint32
	autoDetectFlags       uint32
	autoConfigURL         *uint16
	reserved              uintptr
	reserved2             uint32
	autoLogonIfChallenged int32
}

// WINHTTP_PROXY_INFO
type proxyInfo struct {
	accessType  uint32
	proxy       *uint16
	proxyBypass *uint16
}

// takeString copies a string WinHTTP allocated and frees it, as the documentation asks.
func takeString(p *uint16) string {
	if p == nil {
		return ""
	}
	s := windows.UTF16PtrToString(p)
	procGlobalFree.Call(uintptr(unsafe.Pointer(p)))
	return s
}

// winhttpErrors name the WinHTTP errors of automatic configuration; FormatMessage without
// winhttp.dll's message table only says "winapi error #12180".
var winhttpErrors = map[syscall.Errno]string{
	12002: "timed out",
	12007: "name not resolved",
	12166: "the PAC script failed (ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT)",
	12167: "the PAC script could not be downloaded (ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT)",
	12178: "the automatic proxy service failed (ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR)",
}

func winhttpError(call string, err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) && errno == 12180 {
		return fmt.Errorf("%s: %w (ERROR_WINHTTP_AUTODETECTION_FAILED)", call, ErrNoAutoConfig)
	}
	if errors.As(err, &errno) {
		if name, ok := winhttpErrors[errno]; ok {
			return fmt.Errorf("%s: %s", call, name)
		}
		return fmt.Errorf("%s: error %d: %v", call, uint32(errno), err)
	}
	return fmt.Errorf("%s: %v", call, err)
}

// readIEConfig is the current user's Internet settings.
func readIEConfig() (SystemProxy, error) {
	if err := procGetIEProxyConfig.Find(); err != nil {
		return SystemProxy{}, errWinHTTPNoProc
	}
	var c ieProxyConfig
	r, _, err := procGetIEProxyConfig.Call(uintptr(unsafe.Pointer(&c)))
	if r == 0 {
		return SystemProxy{}, winhttpError("WinHttpGetIEProxyConfigForCurrentUser", err)
	}
	sp := SystemProxy{AutoDetect: c.autoDetect != 0, PACURL: takeString(c.autoConfigURL)}
	if servers := ParseWinProxyList(takeString(c.proxy)); len(servers) > 0 {
		sp.Servers = servers
	}
	sp.Bypass = SplitBypass(takeString(c.proxyBypass))
	return sp, nil
}

// SystemProxySettings reads the current user's Internet settings; automatic detection and PAC
// are evaluated by WinHTTP, per address.
func SystemProxySettings() (SystemProxy, error) {
	sp, err := readIEConfig()
	if err != nil || (!sp.AutoDetect && sp.PACURL == "") {
		return sp, err
	}
	r := &winResolver{autoDetect: sp.AutoDetect, pacURL: sp.PACURL}
	sp.Resolve = r.resolve
	return sp, nil
}

// winResolver asks WinHTTP for an address's proxies, over one session (WinHTTP caches the
// PAC script in it).
type winResolver struct {
	autoDetect bool
	pacURL     string

	once    sync.Once
	session uintptr
	openErr error
}

func (w *winResolver) open() {
	agent, _ := windows.UTF16PtrFromString("auvenir-onboard")
	h, _, err := procWinHttpOpen.Call(uintptr(unsafe.Pointer(agent)), winhttpAccessTypeNoProxy, 0, 0, 0)
	if h == 0 {
		w.openErr = winhttpError("WinHttpOpen", err)
		return
	}
	// Bound the PAC download: resolve, connect, send, receive (milliseconds).
	procWinHttpSetTimeouts.Call(h, 5000, 5000, 5000, 5000)
	w.session = h
}

// resolve returns within ctx even when WinHTTP does not (automatic detection can take long):
// the call then finishes on its own, its answer unused.
func (w *winResolver) resolve(ctx context.Context, u *url.URL) ([]*url.URL, error) {
	w.once.Do(w.open)
	if w.openErr != nil {
		return nil, w.openErr
	}
	type answer struct {
		choices []*url.URL
		err     error
	}
	done := make(chan answer, 1)
	go func() {
		c, err := w.call(pacURL(u))
		done <- answer{c, err}
	}()
	select {
	case a := <-done:
		return a.choices, a.err
	case <-ctx.Done():
		return nil, fmt.Errorf("WinHttpGetProxyForUrl: %w", ctx.Err())
	}
}

func (w *winResolver) call(target string) ([]*url.URL, error) {
	u16, err := windows.UTF16PtrFromString(target)
	if err != nil {
		return nil, err
	}
	opts := autoProxyOptions{autoLogonIfChallenged: 1}
	if w.autoDetect {
		opts.flags |= winhttpAutoProxyAutoDetect
		opts.autoDetectFlags = winhttpAutoDetectDHCP | winhttpAutoDetectDNSA
	}
	if w.pacURL != "" {
		opts.flags |= winhttpAutoProxyConfigURL
		if opts.autoConfigURL, err = windows.UTF16PtrFromString(w.pacURL); err != nil {
			return nil, err
		}
	}
	var info proxyInfo
	r, _, callErr := procWinHttpGetProxyForUrl.Call(w.session, uintptr(unsafe.Pointer(u16)),
		uintptr(unsafe.Pointer(&opts)), uintptr(unsafe.Pointer(&info)))
	if r == 0 {
		return nil, winhttpError("WinHttpGetProxyForUrl", callErr)
	}
	list := takeString(info.proxy)
	takeString(info.proxyBypass)
	if info.accessType != winhttpAccessTypeNamedProxy {
		return []*url.URL{nil}, nil
	}
	return WinProxyChoices(list)
}
