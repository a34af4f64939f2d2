// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sasaeai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sasaeai", targets: ["sasaeai"]),
        .library(name: "SasaeaiCore", targets: ["SasaeaiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Schedules are pure calendar logic with no I/O: their own module keeps them testable
        // and reusable by other tools that only need to understand 開催日時.
        .target(name: "SasaeaiSchedule"),
        // Reading what people hand us (Excel exports, front matter, dates written in 和暦) is
        // its own concern: pure functions from bytes to values and diagnostics, fuzzable alone.
        .target(
            name: "SasaeaiInput",
            dependencies: ["SasaeaiSchedule", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "SasaeaiCore",
            dependencies: [
                "CCmark",
                "SasaeaiSchedule",
                "SasaeaiInput",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "sasaeai",
            dependencies: [
                "SasaeaiCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SasaeaiScheduleTests", dependencies: ["SasaeaiSchedule"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SasaeaiInputTests",
            dependencies: ["SasaeaiInput", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures/make_workbooks.py"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SasaeaiCoreTests", dependencies: ["SasaeaiCore"], exclude: ["Fixtures", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
