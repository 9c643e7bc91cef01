import LotrFlow

extension Book {
    /// What a route says beyond its condition and target (its `because`, source and dates).
    func routeDetails(_ r: Route) -> [Block] { [] }

    /// An outcome's dates.
    func outcomeExtras(_ o: Outcome) -> [Block] { [] }
}
