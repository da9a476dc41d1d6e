import Foundation
import Testing
import Vapor
import RaayaCore
@testable import RaayaServer

@Suite("Health and the API description")
struct SystemTests {
    @Test("healthz answers with the database in use")
    func health() async throws {
        try await TestApp.run { app in
            let response = try await app.send(.GET, "/healthz")
            #expect(response.status == .ok)
            #expect(response.object.string("database") == TestDatabase.kind)
        }
    }

    @Test("/openapi.json is OpenAPI 3.1 and documents every registered route")
    func openAPICoversRoutes() async throws {
        try await TestApp.run { app in
            let response = try await app.send(.GET, "/openapi.json")
            #expect(response.status == .ok)
            #expect(response.object.string("openapi")?.hasPrefix("3.1") == true)
            let paths = try #require(response.object["paths"] as? [String: [String: Any]])
            var missing: [String] = []
            for route in app.app.routes.all where route.userInfo[PageRoutes.marker] == nil {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                if paths[path]?[route.method.rawValue.lowercased()] == nil {
                    missing.append("\(route.method.rawValue) \(path)")
                }
            }
            #expect(missing.isEmpty, "undocumented routes: \(missing)")
        }
    }
}
