"""Shopify's calculated query cost, as the fake charges it.

The model Shopify documents: scalars and enums 0, objects 1, a connection 2 plus `first` (or
`last`) times the cost of one node, so nested connections multiply; a mutation field 10. The
requested cost is computed from the document before running it; the actual cost from the data
that came back (fewer nodes, null objects), and the difference is refunded to the bucket.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    is_leaf_type,
)
from graphql.execution.values import VariableValues, get_argument_values

MUTATION_COST = 10
MAX_QUERY_COST = 1000

_REQUESTED = object()  # marker: no data, compute the requested cost


class CostModel:
    def __init__(
        self,
        schema: GraphQLSchema,
        operation: OperationDefinitionNode,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: VariableValues,
    ) -> None:
        self.schema = schema
        self.operation = operation
        self.fragments = fragments
        self.variables = variables

    def requested(self) -> int:
        return self._root(_REQUESTED)

    def actual(self, data: Mapping[str, Any] | None) -> int:
        return self._root(data or {})

    def _root(self, data: Any) -> int:
        root = self.schema.get_root_type(self.operation.operation)
        assert root is not None
        extra = MUTATION_COST if self.operation.operation.value == "mutation" else 0
        total = 0
        for node, _ in self._fields(root, self.operation.selection_set):
            total += extra + self._field(root, node, data)
        return total

    def _fields(
        self, parent: GraphQLNamedType, selection_set: SelectionSetNode | None
    ) -> list[tuple[FieldNode, GraphQLNamedType]]:
        found: list[tuple[FieldNode, GraphQLNamedType]] = []
        if selection_set is None:
            return found
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                found.append((selection, parent))
            elif isinstance(selection, InlineFragmentNode):
                target = (
                    self.schema.get_type(selection.type_condition.name.value)
                    if selection.type_condition
                    else parent
                )
                assert target is not None
                found.extend(self._fields(target, selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments[selection.name.value]
                target = self.schema.get_type(fragment.type_condition.name.value)
                assert target is not None
                found.extend(self._fields(target, fragment.selection_set))
        return found

    def _selection(
        self, parent: GraphQLNamedType, selection_set: SelectionSetNode | None, data: Any
    ) -> int:
        return sum(
            self._field(parent, node, data) for node, _ in self._fields(parent, selection_set)
        )

    def _field(self, parent: GraphQLNamedType, node: FieldNode, data: Any) -> int:
        name = node.name.value
        if name.startswith("__") or not isinstance(parent, GraphQLObjectType):
            return 0
        definition = parent.fields.get(name)
        if definition is None:
            return 0
        named = get_named_type(definition.type)
        if is_leaf_type(named):
            return 0
        key = node.alias.value if node.alias else name
        value = data.get(key) if isinstance(data, Mapping) else data
        if data is not _REQUESTED and value is None:
            return 0
        args = get_argument_values(definition, node, self.variables)
        if named.name.endswith("Connection"):
            return self._connection(named, node, args, value)
        if _is_list(definition.type):
            if value is _REQUESTED:
                count: int = args.get("first") or args.get("last") or 1
                return count * (1 + self._selection(named, node.selection_set, _REQUESTED))
            items: list[Any] = list(value or ())
            return sum(1 + self._selection(named, node.selection_set, item) for item in items)
        return 1 + self._selection(named, node.selection_set, value)

    def _connection(
        self, connection: GraphQLNamedType, node: FieldNode, args: Mapping[str, Any], value: Any
    ) -> int:
        assert isinstance(connection, GraphQLObjectType)
        node_type = get_named_type(connection.fields["nodes"].type)
        nodes_sel: SelectionSetNode | None = None
        edges_sel: SelectionSetNode | None = None
        for field, _ in self._fields(connection, node.selection_set):
            if field.name.value == "nodes":
                nodes_sel = field.selection_set
            elif field.name.value == "edges":
                for inner, _ in self._fields(connection, field.selection_set):
                    if inner.name.value == "node":
                        edges_sel = inner.selection_set
        if value is _REQUESTED:
            size = args.get("first") or args.get("last") or 0
            per_node = 1 + self._selection(node_type, nodes_sel, _REQUESTED) if nodes_sel else 0
            per_edge = 1 + self._selection(node_type, edges_sel, _REQUESTED) if edges_sel else 0
            return 2 + size * max(per_node + per_edge, 1)
        cost = 2
        for item in value.get("nodes") or () if nodes_sel else ():
            cost += 1 + self._selection(node_type, nodes_sel, item)
        for edge in value.get("edges") or () if edges_sel else ():
            cost += 1 + self._selection(node_type, edges_sel, edge.get("node"))
        return cost


def _is_list(type_: GraphQLOutputType) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)
