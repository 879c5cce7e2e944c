export default defineBackground(() => {
  // Wired in the background module: see core/ and entrypoints/background/.
});
