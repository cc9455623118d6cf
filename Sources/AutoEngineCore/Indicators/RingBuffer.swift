/// A fixed-capacity first-in-first-out window that overwrites its oldest element when full.
///
/// The storage is allocated once, at `init`, and never grows: pushing into a full buffer
/// replaces the oldest element and returns it, so rolling indicators can update their running
/// sums in O(1). Index 0 is the oldest element, `count − 1` the newest.
public struct RingBuffer<Element: Sendable>: Sendable {
  /// Preallocated storage of exactly `capacity` elements.
  var storage: ContiguousArray<Element>
  /// Storage index of the oldest element.
  var head: Int = 0
  /// Number of elements held, 0…`capacity`.
  public private(set) var count: Int = 0

  /// Creates an empty buffer holding at most `capacity` elements.
  ///
  /// - Parameters:
  ///   - capacity: the window length, ≥ 1.
  ///   - filler: a value for the unused storage slots; never returned by the API.
  public init(capacity: Int, filler: Element) {
    precondition(capacity >= 1, "RingBuffer capacity must be at least 1")
    storage = ContiguousArray(repeating: filler, count: capacity)
  }

  /// The maximum number of elements, fixed at `init`.
  public var capacity: Int { storage.count }

  /// Whether the buffer holds `capacity` elements (the next push evicts the oldest).
  public var isFull: Bool { count == storage.count }

  /// Whether the buffer holds no element.
  public var isEmpty: Bool { count == 0 }

  /// Appends `element` as the newest; when the buffer was full, removes and returns the oldest.
  @discardableResult
  public mutating func push(_ element: Element) -> Element? {
    let capacity = storage.count
    if count < capacity {
      var slot = head + count
      if slot >= capacity { slot -= capacity }
      storage[slot] = element
      count += 1
      return nil
    }
    let evicted = storage[head]
    storage[head] = element
    head += 1
    if head == capacity { head = 0 }
    return evicted
  }

  /// The element `index` positions after the oldest (0 = oldest, `count − 1` = newest).
  public subscript(index: Int) -> Element {
    precondition(index >= 0 && index < count, "RingBuffer index out of range")
    var slot = head + index
    if slot >= storage.count { slot -= storage.count }
    return storage[slot]
  }

  /// The oldest element, or nil when empty.
  public var oldest: Element? { count == 0 ? nil : self[0] }

  /// The newest element, or nil when empty.
  public var newest: Element? { count == 0 ? nil : self[count - 1] }

  /// The element pushed `lag` pushes before the newest (0 = newest), or nil when not held.
  public func newest(lag: Int) -> Element? {
    guard lag >= 0, lag < count else { return nil }
    return self[count - 1 - lag]
  }

  /// Calls `body` with the storage of a full buffer, in storage order (not oldest first).
  ///
  /// For order-independent reductions over the window (sums, deviations) without per-element
  /// index arithmetic. Precondition: `isFull`, so every slot holds an element.
  func withFullStorage<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
    precondition(isFull, "RingBuffer.withFullStorage needs a full buffer")
    return storage.withUnsafeBufferPointer(body)
  }

  /// Removes every element, keeping the storage.
  public mutating func removeAll() {
    head = 0
    count = 0
  }
}
