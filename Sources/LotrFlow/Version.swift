public enum LotrFlowVersion { public static let format = 1 }
