module github.com/auvenir/auvenir-onboard

go 1.26.0

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/nicksnyder/go-i18n/v2 v2.7.0
	github.com/tc-hib/winres v0.2.1
	golang.org/x/sys v0.47.0
	golang.org/x/text v0.44.0
)

require (
	github.com/nfnt/resize v0.0.0-20180221191011-83c6a9932646 // indirect
	golang.org/x/image v0.45.0 // indirect
)
