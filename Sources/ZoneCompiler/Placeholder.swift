public enum ZoneCompilerPlaceholder {}
