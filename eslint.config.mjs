import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      // String-built SQL is how injection starts: use Drizzle's query builder or the sql`` template.
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='sql'][property.name='raw']",
          message: "sql.raw builds SQL from strings; use sql`` with parameters.",
        },
        {
          selector: "CallExpression[callee.property.name='unsafe']:not([arguments.0.type='TemplateLiteral'])",
          message: "unsafe() only with a literal statement.",
        },
      ],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
];

export default config;
