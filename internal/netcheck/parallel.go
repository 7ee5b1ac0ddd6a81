package netcheck

// How many endpoints are checked at once by default (--parallel). Direct, each endpoint is a
// connection of its own to a different server: 256 is Chromium's limit of sockets per pool
// (net/socket/client_socket_pool_manager.cc), and measured on loopback (README, "Figures") a
// run of 200 slow or dropping endpoints then takes the time of the slowest one. Through a
// proxy every endpoint is a connection to the same proxy, which may limit connections per
// client: 32 is Chromium's limit of sockets per proxy server.
const (
	DefaultParallel      = 256
	DefaultParallelProxy = 32
)

// DefaultConcurrency is the default of Config.Concurrency for a proxy setting.
func DefaultConcurrency(p ProxySetting) int {
	// A PAC script (--pac, the system's, WPAD) decides per address: most go through its proxy.
	if p.Configured != "" || p.Source == ProxyFromFlag || p.PAC != "" {
		return DefaultParallelProxy
	}
	return DefaultParallel
}
