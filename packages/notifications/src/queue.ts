// The delivery job is declared in the job catalog (@pier/shared), with every other job Pier runs.
export { deliveryJob, notificationsQueueName, type DeliveryJobPayload } from "@pier/shared";
