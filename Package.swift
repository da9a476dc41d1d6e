// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "raaya",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "raaya", targets: ["raaya"]),
        .library(name: "RaayaCore", targets: ["RaayaCore"]),
        .library(name: "RaayaMail", targets: ["RaayaMail"]),
        .library(name: "RaayaServer", targets: ["RaayaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(name: "RaayaCore"),
        // Mail as data: MIME parsing and composing, SMTP conversations as state machines; no I/O.
        .target(name: "RaayaMail", dependencies: ["RaayaCore"]),
        .target(
            name: "RaayaServer",
            dependencies: [
                "RaayaCore",
                "RaayaMail",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        .executableTarget(
            name: "raaya",
            dependencies: [
                "RaayaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times knowledge-base search over a synthetic 10,000-article bilingual help center (BENCHMARKS.md).
        .executableTarget(name: "kb-bench", dependencies: ["RaayaCore"]),
        // Scores knowledge-base search on the held-out questions in demo/knowledge-base (BENCHMARKS.md).
        .executableTarget(name: "kb-eval", dependencies: ["RaayaCore"]),
        // Scores the sentiment model on the held-out splits train.py writes, and times it (BENCHMARKS.md).
        .executableTarget(name: "sentiment-eval", dependencies: ["RaayaCore"]),
        // Fills a database with two years of ticket history (1,000,000 tickets, 5,000,000 messages by default) and
        // times the reports over it (BENCHMARKS.md).
        .executableTarget(
            name: "report-bench",
            dependencies: ["RaayaServer", "RaayaCore", .product(name: "Fluent", package: "fluent")]
        ),
        .testTarget(name: "RaayaCoreTests", dependencies: ["RaayaCore"]),
        .testTarget(name: "RaayaMailTests", dependencies: ["RaayaMail"]),
        .testTarget(
            name: "RaayaServerTests",
            dependencies: [
                "RaayaServer",
                "RaayaCore",
                "RaayaMail",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            // The SMTP and HTTP servers the outbox tests deliver to (Python scripts run by the tests).
            exclude: ["Support/smtp_sink.py", "Support/http_sink.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
