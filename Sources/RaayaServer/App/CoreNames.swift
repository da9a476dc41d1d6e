import RaayaCore

// Vapor and NIO export types with the same names as Raaya's own words (NIO's `Channel`, Vapor's
// `Validation`); inside the server, the domain's meaning wins.
typealias Channel = RaayaCore.Channel
typealias Validation = RaayaCore.Validation
