// The styles load with the panel and the report dialog: see src/styles.ts.
