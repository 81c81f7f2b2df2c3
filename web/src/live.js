// The live stream (Server-Sent Events, event name "live") of a community: reconnects through
// EventSource's own retry and reports the connection state ("connecting", "open", "closed").
import { communityPath } from './api.js';

export function openLive(community, { onEvent, onState }) {
  if (typeof EventSource === 'undefined') {
    onState('closed');
    return () => {};
  }
  const source = new EventSource(communityPath(community, '/live'), { withCredentials: true });
  onState('connecting');
  source.addEventListener('open', () => onState('open'));
  source.addEventListener('error', () =>
    onState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting'));
  const handle = (e) => {
    try {
      onEvent(JSON.parse(e.data));
      onState('open');
    } catch {
      // ignore a malformed event
    }
  };
  source.addEventListener('live', handle);
  return () => source.close();
}
