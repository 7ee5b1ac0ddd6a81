// Command nothing is the smallest program testtool builds in its own test.
package main

func main() {}
