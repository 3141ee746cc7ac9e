test("p", () => { expect(1).toBe(1); });
