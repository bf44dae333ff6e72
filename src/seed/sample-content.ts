import type { SampleContent } from './seed.js';

// Placeholder until the full sample content is written.
export const sampleContent: SampleContent = { categories: [], people: [], treatments: [], comparisons: [], articles: [] };
