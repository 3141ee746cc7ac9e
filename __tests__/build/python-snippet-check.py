"""Checks a Python snippet that uses the generated bindings against the generated module, without
running it (the jsii Python runtime is not installed here): every name imported from the module is
a class or enum in it, every keyword argument of a call to one of them is a parameter of its
__init__, and every method called on a variable built from one of them exists on the class or a
base class. Usage: python3 python-snippet-check.py SNIPPET.py GENERATED/__init__.py MODULE"""
import ast
import sys

snippet_path, generated_path, module = sys.argv[1:4]
snippet = ast.parse(open(snippet_path).read(), snippet_path)
generated = ast.parse(open(generated_path).read(), generated_path)

classes = {node.name: node for node in generated.body if isinstance(node, ast.ClassDef)}
problems = []


def init_params(cls):
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            a = item.args
            return {p.arg for p in a.args + a.kwonlyargs}
    return set()


def methods(cls):
    names = {i.name for i in cls.body if isinstance(i, ast.FunctionDef)}
    for base in cls.bases:
        if isinstance(base, ast.Name) and base.id in classes:
            names |= methods(classes[base.id])
    return names


ours = set()
for node in ast.walk(snippet):
    if isinstance(node, ast.ImportFrom) and node.module == module:
        for alias in node.names:
            ours.add(alias.name)
            if alias.name not in classes:
                problems.append(f"{alias.name} is not in {module}")

built = {}  # variable name -> class
for node in ast.walk(snippet):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ours and node.func.id in classes:
        params = init_params(classes[node.func.id])
        for kw in node.keywords:
            if kw.arg not in params:
                problems.append(f"{node.func.id}(...) has no parameter {kw.arg}")
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
        if node.value.func.id in ours:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    built[target.id] = node.value.func.id
for node in ast.walk(snippet):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
        cls = built.get(node.func.value.id)
        if cls and cls in classes and node.func.attr not in methods(classes[cls]):
            problems.append(f"{cls} has no method {node.func.attr}")

if not ours:
    problems.append(f"the snippet imports nothing from {module}")
print("\n".join(problems) if problems else f"ok: {sorted(ours)}")
sys.exit(1 if problems else 0)
